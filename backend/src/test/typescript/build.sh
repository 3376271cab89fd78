#!/usr/bin/env bash
# Compiles the TypeScript client journey (journey.ts with the typescript-fetch client the build
# generated) to target/ts-client-journey; TypeScriptClientJourneyTest runs it with node.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/tsc ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/tsc -p tsconfig.json
