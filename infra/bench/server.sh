# Sourced by the benchmark scripts: builds the backend and its test classes in one reactor build
# (the sibling modules resolve to their own target/classes, so a fresh clone needs nothing installed
# in the local Maven repository first), then starts a dev server on a throwaway embedded PostgreSQL
# and stops it when the script exits.
#
# The server runs the production classpath only (main classes and runtime dependencies): a test
# class on it (a test's event listener, say) would be benchmarked too. The load clients run apart,
# from the test classes (with the JDBC driver, for the benches that seed rows). The write budgets
# are off: fifty clients as fifty families post far faster than any family does.
#
#   start_server PORT PGPORT [extra -D options for the server]
# BENCH_JVM_OPTS adds JVM options to the server, e.g. a flight recording:
#   BENCH_JVM_OPTS=-XX:StartFlightRecording=filename=/tmp/wall.jfr,settings=profile
# sets JAVA_HOME, CP (the load client's classpath), SERVER_CP and SERVER (its pid).
start_server() {
  local port=$1 pgport=$2
  shift 2
  ./mvnw -B -ntp -q -Dspectral.skip=true -pl backend -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -DincludeScope=runtime >/dev/null
  JAVA_HOME=$(./mvnw -v | sed -n 's/.*runtime: //p')
  CP="backend/target/test-classes:$(cat backend/target/bench.classpath)"
  SERVER_CP="backend/target/classes:$(cat backend/target/bench.classpath)"
  SERVER_LOG=$(mktemp)
  "$JAVA_HOME/bin/java" -Xmx1g -Dmicronaut.environments=dev -Dyousaid.embedded-postgres.ephemeral=true \
    -Dyousaid.embedded-postgres.port="$pgport" -Dyousaid.repo.root="$PWD" -Dmicronaut.server.port="$port" \
    -Dyousaid.limits.enabled=false -Dyousaid.metrics.port=0 \
    -DYOUSAID_LOG_LEVEL=WARN ${BENCH_JVM_OPTS:-} "$@" -cp "$SERVER_CP" org.yousaid.Application >"$SERVER_LOG" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -f "$SERVER_LOG"' EXIT
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health/readiness" >/dev/null && break; sleep 1; done
  echo "server pid $SERVER, embedded PostgreSQL on port $pgport, $(nproc) cores"
}

# The families a benchmark's requests come from, joined to the demo area (the load clients join
# them too; joining twice is a no-op).
#   join_bench_families PORT COUNT
join_bench_families() {
  for i in $(seq 0 $(($2 - 1))); do
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer dev:bench-family-$i" -H 'Content-Type: application/json' \
      -d '{"role":"family"}' "http://127.0.0.1:$1/v1/areas/demo/membership"
  done
}

# The first statement of every write's transaction as the server runs it: a pgbench client's
# standing in the demo area (AreaAccess), for a script's transaction file.
STANDING_SQL="\\set n random(0, :clients - 1)
begin;
select a.id as area_id, m.role as role, held.settled
  from areas a left join memberships m on m.area_id = 'demo' and m.uid = 'bench-family-' || :n
       cross join (select pg_try_advisory_xact_lock_shared(hashtext('demo'), hashtext('bench-family-' || :n)) as settled) as held
  where a.id = 'demo';"

# tps of a pgbench script on the benchmark's PostgreSQL, prepared statements:
#   pgbench_tps PGPORT CLIENTS SECONDS FILE [more pgbench options]
pgbench_tps() {
  local pgport=$1 clients=$2 seconds=$3 file=$4
  shift 4
  pgbench -n -M prepared -h 127.0.0.1 -p "$pgport" -U postgres -c "$clients" -j 2 -T "$seconds" -D clients="$clients" \
    "$@" -f "$file" postgres 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}
