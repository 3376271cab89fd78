#!/usr/bin/env bash
# The image's checks on a machine with no container engine (none runs on ours): lays the files out
# with the build stage's own script, then runs the image's entry point as the image runs it (user
# 10001, read-only application files, its environment, the working directory its only writable
# place), waits for the HEALTHCHECK's own command to pass, and runs `migrate` as the Job would.
# Needs root (to run as user 10001) and a JDK >= 21 under /usr/lib/jvm or on the PATH.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/yousaid-image-XXXXXX)" && chmod 755 "$work"
trap 'pkill -u 10001 -f org.yousaid.Application 2>/dev/null || true; sleep 2; rm -rf "$work"' EXIT
pid=
dockerfile="$root/infra/image/Dockerfile"

bash "$root/infra/image/assemble.sh" "$work/app"
chmod -R a+rX,go-w "$work/app"

getent passwd 10001 >/dev/null || useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin yousaid
mkdir -p "$work/home" && chown 10001:10001 "$work/home"
java=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'); [ "${v%%.*}" -ge 21 ] && echo "$j"; done | head -1)
java=${java:-java}

# The Dockerfile's ENTRYPOINT, ENV and HEALTHCHECK, read from it rather than copied here.
entry=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "$dockerfile" | tr -d '"' | sed 's/, /\n/g' | sed "s:/app/:$work/app/:g; 1s:^java$:$java:")
health=$(sed -n '/^HEALTHCHECK/,/CMD/p' "$dockerfile" | sed -n 's/^ *CMD \["bash", "-c", "\(.*\)"\]$/\1/p' | sed 's/\\\\/\\/g')
mapfile -t command <<<"$entry"
echo "entry point: ${command[*]}"
echo "health check: $health"

as_image() {
  setpriv --reuid=10001 --regid=10001 --clear-groups env -i PATH=/usr/bin:/bin HOME="$work/home" \
    YOUSAID_MODELS_DIR="$work/app/nlp-models/models" DJL_CACHE_DIR="$work/home/.djl.ai" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Duser.home=$work/home" \
    PORT="${PORT:-18080}" YOUSAID_METRICS_PORT=19464 "$@"
}

cd "$work/home"
echo "--- migrate without a database: the Job's answer"
set +e; as_image "${command[@]}" migrate; echo "exit $?"; set -e

echo "--- the server, as the image starts it (embedded PostgreSQL under the working directory)"
as_image "${command[@]}" > "$work/server.log" 2>&1 &
pid=$!
for i in $(seq 1 120); do
  if as_image bash -c "$health" 2>/dev/null; then
    echo "health check passed after ${i} s"
    echo "--- readiness and the metrics port"
    as_image bash -c 'exec 3<>/dev/tcp/127.0.0.1/18080; printf "GET /health/readiness HTTP/1.0\r\n\r\n" >&3; head -n1 <&3'
    as_image bash -c 'exec 3<>/dev/tcp/127.0.0.1/19464; printf "GET /metrics HTTP/1.0\r\n\r\n" >&3; head -n1 <&3'
    echo "--- files the server wrote, all under the working directory:"
    find "$work/home" -maxdepth 2 | sed "s:$work:<work>:" | head -20
    echo "--- anything written beside the application files (should be nothing):"
    find "$work/app" -newer "$work/server.log" -print | head
    echo "--- the server process runs as:"; ps -o user=,uid=,args= -p "$(pgrep -u 10001 -f org.yousaid.Application | head -1)" | cut -c1-90
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped:"; tail -30 "$work/server.log"; exit 1; }
  sleep 1
done
echo "no health after 120 s"; tail -30 "$work/server.log"; exit 1
