#!/usr/bin/env bash
# Validates rendered manifests (default: ../rendered/*.yaml); the validator and the schemas come from
# npm, pinned in package-lock.json.
set -euo pipefail
# Paths are the caller's: made absolute before moving to the validator's directory.
args=()
for f in "$@"; do case "$f" in /*) args+=("$f") ;; *) args+=("$PWD/$f") ;; esac; done
set -- "${args[@]+"${args[@]}"}"
cd "$(dirname "$0")"
if [ ! -d node_modules/kubernetes-models ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ $# -eq 0 ]; then set -- ../rendered/*.yaml; fi
exec node validate.mjs "$@"
