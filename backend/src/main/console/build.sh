#!/usr/bin/env bash
# Builds the console's assets into the backend's classes (run by Maven at generate-resources):
# GOV.UK Frontend's CSS compiled from its Sass with our settings, its JavaScript and images.
# Everything comes from npm, pinned in package-lock.json; nothing is fetched by a browser at run time.
set -euo pipefail
cd "$(dirname "$0")"
out="$1/public/console/assets"
if [ ! -d node_modules/govuk-frontend ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$out"
node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --silence-deprecation=import,global-builtin,color-functions,slash-div --load-path=node_modules console.scss "$out/console.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk-frontend.min.js"
cp node_modules/htmx.org/dist/htmx.min.js "$out/htmx.min.js"
cp console.js "$out/console.js"
# The Firebase sign-in, bundled from npm into one module: the page loads no script from another origin.
node_modules/.bin/esbuild sign-in.js --bundle --format=esm --minify --legal-comments=linked --target=es2020 --log-level=warning --outfile="$out/sign-in.js"
mkdir -p "$out/images"
cp node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico node_modules/govuk-frontend/dist/govuk/assets/images/favicon.svg "$out/images/"
