#!/usr/bin/env bash
# Lints openapi.yaml with Spectral (from npm, pinned in package-lock.json).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/spectral ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=warn
