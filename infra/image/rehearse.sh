#!/usr/bin/env bash
# The image's checks on a machine with no container engine (none runs on ours): copies into a build
# directory exactly what the Dockerfile's build stage copies (leaving out what its ignore file
# does), runs the build stage's own script there, then runs the image's entry point as the image
# runs it (user 10001, read-only application files, its environment, the working directory its only
# writable place), waits for the HEALTHCHECK's own command to pass, and runs `migrate` as the Job
# would without a database. Needs root (to run as user 10001) and a JDK >= 21 under /usr/lib/jvm.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dockerfile="$root/infra/image/Dockerfile"
work="$(mktemp -d /tmp/yousaid-image-XXXXXX)" && chmod 755 "$work"
pidfile="$work/home/server.pid"
stop_server() {
  if [ -s "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The build stage's context: its COPY lines (not --from), with the ignore file's patterns left out.
python3 - "$root" "$dockerfile" "$work/src" <<'PY'
import fnmatch, os, shutil, sys
root, dockerfile, out = sys.argv[1:]
ignore = [l.strip() for l in open(dockerfile + ".dockerignore") if l.strip() and not l.startswith("#")]
def ignored(rel):
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p.replace("**/", "")) or
               any(fnmatch.fnmatch(part, p.replace("**/", "")) for part in rel.split("/")) for p in ignore)
stage = open(dockerfile).read().split("\nFROM ")[2]  # node, build, run: the second FROM is the build stage
for line in stage.splitlines():
    if not line.startswith("COPY ") or line.startswith("COPY --from"):
        continue
    *sources, dest = line.split()[1:]
    for src in sources:
        target = os.path.join(out, dest if not dest.endswith("/") else dest + os.path.basename(src))
        target = os.path.join(out, src) if dest in ("./", ".") else target
        path = os.path.join(root, src)
        if os.path.isdir(path):
            shutil.copytree(path, target, ignore=lambda d, names: [n for n in names
                            if ignored(os.path.relpath(os.path.join(d, n), root))], dirs_exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(path, target)
PY
echo "build context as the Dockerfile copies it: $(cd "$work/src" && ls -A | tr '\n' ' ')"
(cd "$work/src" && bash infra/image/assemble.sh "$work/app")
chmod -R a+rX,go-w "$work/app"

getent passwd 10001 >/dev/null || useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin yousaid
mkdir -p "$work/home" && chown 10001:10001 "$work/home"
java=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'); [ "${v%%.*}" -ge 21 ] && echo "$j"; done | head -1)
java=${java:-java}
port=$(free_port) metrics=$(free_port)

# The Dockerfile's ENTRYPOINT and HEALTHCHECK, read from it rather than copied here.
entry=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "$dockerfile" | tr -d '"' | sed 's/, /\n/g' | sed "s:/app/:$work/app/:g; 1s:^java$:$java:")
health=$(sed -n '/^HEALTHCHECK/,/CMD/p' "$dockerfile" | sed -n 's/^ *CMD \["bash", "-c", "\(.*\)"\]$/\1/p' | sed 's/\\\\/\\/g')
mapfile -t command <<<"$entry"
echo "entry point: ${command[*]}"
echo "health check: $health"

as_image() {
  setpriv --reuid=10001 --regid=10001 --clear-groups env -i PATH=/usr/bin:/bin HOME="$work/home" \
    YOUSAID_MODELS_DIR="$work/app/nlp-models/models" DJL_CACHE_DIR="$work/home/.djl.ai" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Duser.home=$work/home" \
    PORT="$port" YOUSAID_METRICS_PORT="$metrics" "$@"
}

cd "$work/home"
echo "--- migrate without a database: the Job's answer"
set +e; as_image "${command[@]}" migrate; echo "exit $?"; set -e

echo "--- the server, as the image starts it (embedded PostgreSQL under the working directory), port $port"
as_image bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "${command[@]}" > "$work/server.log" 2>&1 &
for i in $(seq 1 120); do
  if as_image bash -c "$health" 2>/dev/null; then
    echo "health check passed after ${i} s"
    echo "--- readiness and the metrics port"
    as_image bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; printf 'GET /health/readiness HTTP/1.0\r\n\r\n' >&3; head -n1 <&3"
    as_image bash -c "exec 3<>/dev/tcp/127.0.0.1/$metrics; printf 'GET /metrics HTTP/1.0\r\n\r\n' >&3; head -n1 <&3"
    echo "--- files the server wrote, all under the working directory:"
    find "$work/home" -maxdepth 2 | sed "s:$work:<work>:" | head -20
    echo "--- anything written beside the application files (should be nothing):"
    find "$work/app" -newer "$work/server.log" -print | head
    echo "--- the server process runs as:"; ps -o user=,uid=,args= -p "$(cat "$pidfile")" | cut -c1-90
    exit 0
  fi
  [ -s "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null && { echo "the server stopped:"; tail -30 "$work/server.log"; exit 1; }
  sleep 1
done
echo "no health after 120 s"; tail -30 "$work/server.log"; exit 1
