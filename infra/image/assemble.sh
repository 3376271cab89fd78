#!/usr/bin/env bash
# Builds the server and lays it out as the image holds it, in OUT (default infra/image/target/app):
#   corenlp/      Stanford CoreNLP and its models jar (483 MB, changes only with the CoreNLP version)
#   lib/          every other runtime dependency
#   nlp-models/   the shipped models, the taxonomy, and the labelled data retraining learns from
#   yousaid/      this project's own jars (the only layer most releases change)
# The Dockerfile runs it in its build stage; rehearse.sh runs it here, so both lay out the same files.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/infra/image/target/app}"
cd "$root"

# No tests: -Dmaven.test.skip leaves them uncompiled, -DskipTests leaves out their npm installs.
./mvnw -B -ntp -q -pl backend -am -Dspectral.skip=true -Dmaven.test.skip=true -DskipTests package \
  dependency:copy-dependencies -DincludeScope=runtime -DexcludeGroupIds=org.yousaid

rm -rf "$out" && mkdir -p "$out"/{corenlp,lib,yousaid,nlp-models/data/send-real}
deps=backend/target/dependency
mv "$deps"/stanford-corenlp-*.jar "$out/corenlp/"
# The embedded PostgreSQL's binaries for other systems (85 MB) have no use in a Linux image.
rm -f "$deps"/embedded-postgres-binaries-{darwin,windows}-*.jar "$deps"/embedded-postgres-binaries-linux-*-alpine-*.jar
mv "$deps"/*.jar "$out/lib/"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
cp "backend/target/backend-$version.jar" "nlp-models/runtime/target/nlp-runtime-$version.jar" \
   "mobile-api-spec/target/mobile-api-spec-$version.jar" "$out/yousaid/"
cp -r nlp-models/models nlp-models/taxonomy "$out/nlp-models/"
cp nlp-models/data/send-train.tsv nlp-models/data/send-test.tsv "$out/nlp-models/data/"
cp nlp-models/data/send-real/send-real.tsv nlp-models/data/send-real/ATTRIBUTION.txt "$out/nlp-models/data/send-real/"
echo "laid out in $out:" && du -sh "$out"/* | sed 's:^:  :'
