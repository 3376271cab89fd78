#!/usr/bin/env bash
# Fault suite: families' phones submit wall comments and survey answers, each sent again with its
# own idempotency key or answer id until acknowledged, while a fault strikes:
#   - the server killed with kill -9 and started again on the same database;
#   - a tagging worker killed with jobs under way (their leases run out, another worker finishes them);
#   - the external PostgreSQL stopped and started again, YouSaid not restarted;
#   - the README's durable embedded PostgreSQL's postmaster killed with kill -9 (YouSaid starts it again);
#   - FCM down (503 to every send, then timeouts) while pushes are queued;
#   - two YouSaid instances on one database, both tagging and sending.
# Then it reads the database: acknowledged / stored / lost / duplicated, jobs finished once, pushes
# queued / delivered / duplicated, and recovery times. Prints figures; the build runs a short
# variant of each (FaultSuiteTest).
#
#   infra/faults/fault-suite.sh [phones=24] [seconds before each fault=15] [seconds after=15]
#
# The servers it kills run the production classpath (the worker fault adds the test tagger that
# holds each text for a second). The push faults run in this JVM with Google's servers stood in for.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q -Dspectral.skip=true -pl backend -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/faults-runtime.classpath -DincludeScope=runtime >/dev/null
./mvnw -B -ntp -q -Dspectral.skip=true -pl backend -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/faults-test.classpath -DincludeScope=test >/dev/null
JAVA_HOME=$(./mvnw -v | sed -n 's/.*runtime: //p')
SERVER_CP="$PWD/backend/target/classes:$(cat backend/target/faults-runtime.classpath)"
CLIENT_CP="$PWD/backend/target/test-classes:$PWD/backend/target/classes:$(cat backend/target/faults-test.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx2g -Dyousaid.faults.classpath="$SERVER_CP" \
  -Dyousaid.faults.test-classes="$PWD/backend/target/test-classes" -Dyousaid.repo.root="$PWD" \
  -DYOUSAID_LOG_LEVEL=ERROR -cp "$CLIENT_CP" org.yousaid.faults.FaultSuite "$@"
