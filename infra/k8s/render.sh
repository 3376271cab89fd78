#!/usr/bin/env bash
# Renders each overlay into rendered/<overlay>.yaml with kubectl's Kustomize (the files the tests
# validate and an operator can read or `kubectl apply -f`). Run after changing base/ or overlays/.
set -euo pipefail
cd "$(dirname "$0")"
for overlay in overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" > "rendered/$name.yaml"
  echo "rendered/$name.yaml: $(grep -c '^kind:' "rendered/$name.yaml") documents"
done
