# Shared by the benchmark scripts: start/stop Marquee's bootable JAR on loopback and wait for it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/webapp/target/marquee-bootable.jar}
WORK=${BENCH_WORK:-/tmp/marquee-bench}
PORT_OFFSET=${BENCH_PORT_OFFSET:-500}
HTTP_PORT=$((8080 + PORT_OFFSET))
MGMT_PORT=$((9990 + PORT_OFFSET))
BASE="http://127.0.0.1:$HTTP_PORT"
export MARQUEE_ADMIN_PASSWORD=${MARQUEE_ADMIN_PASSWORD:-bench-Admin-1}

[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }

# start_marquee DIR [extra java args...] [-- bootable JAR args...]: starts with DIR as working
# directory, prints seconds to ready
start_marquee() {
  local dir=$1; shift
  local java_args=() jar_args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do java_args+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  jar_args=("$@")
  mkdir -p "$dir"
  local t0 t1
  t0=$(date +%s.%N)
  (cd "$dir" && exec java "${java_args[@]}" -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
    -jar "$JAR" "${jar_args[@]}" >server.log 2>&1) &
  echo $! >"$dir/pid"
  for _ in $(seq 1 $((${BENCH_READY_TIMEOUT:-30} * 20))); do
    if curl -fs "http://127.0.0.1:$MGMT_PORT/health/ready" >/dev/null 2>&1; then
      t1=$(date +%s.%N)
      python3 -c "print(f'{$t1-$t0:.2f}')"
      return 0
    fi
    sleep 0.05
  done
  echo "Marquee did not become ready; see $dir/server.log" >&2
  stop_marquee "$dir"
  return 1
}

stop_marquee() {
  local dir=$1
  if [ -f "$dir/pid" ]; then
    kill "$(cat "$dir/pid")" 2>/dev/null || true
    while kill -0 "$(cat "$dir/pid")" 2>/dev/null; do sleep 0.1; done
    rm -f "$dir/pid"
  fi
}

# use_database h2|postgresql: the database of the next start_marquee (postgresql: the server of
# benchmarks/postgres.sh, or MARQUEE_DB_URL)
use_database() {
  if [ "$1" = postgresql ]; then
    export MARQUEE_DB_DRIVER=postgresql
    export MARQUEE_DB_URL=${MARQUEE_DB_URL:-jdbc:postgresql://127.0.0.1:55432/postgres}
    export MARQUEE_DB_USER=marquee MARQUEE_DB_PASSWORD=marquee
  fi
}

machine() {
  echo "$(nproc) cores, $(lscpu | sed -n 's/^Model name:\s*//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
}
