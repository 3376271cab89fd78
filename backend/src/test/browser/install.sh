#!/usr/bin/env bash
# Installs the browser tests' npm packages (pinned in package-lock.json); ConsoleInBrowserTest runs
# flows.mjs with node. The browser itself is Debian's Chromium (.ci/run installs it when missing).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
