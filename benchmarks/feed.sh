#!/usr/bin/env bash
# The delivery feed under constant-rate load, beside the same server answering a static JSON file
# of the same size (the ceiling), in one run. 10,000 entries, 20 audience groups, 200 running
# experiments, PostgreSQL; 40 entries per request; see docs/benchmarks.md "Delivery feed".
#
#   flock /tmp/marquee-bench.lock benchmarks/feed.sh [TESTDATA_IMAGES_DIR]
#
# TESTDATA_IMAGES_DIR (default /work/shared/testdata/images) holds the JPEG/PNG/WebP files the seed
# entries are rendered from. Environment (defaults): FEED_RATES ("500 1000 2000"; empty: none),
# FEED_WARMUP (30) and FEED_DURATION (60) seconds per rate, FEED_MAX_SECONDS (20) per closed-model
# wrk window and FEED_MAX_ROUNDS (5) rounds of feed then static, FEED_CONNECTIONS (64),
# FEED_SERVER_CLI (unset; extra CLI operations applied at boot), FEED_KEEP (unset; 1 = leave both
# servers running at the end), FEED_PROFILE (unset; 1 = one more maximum feed run under
# async-profiler, summarised by profile_summary.py), FEED_JFR (unset; 1 = then a feed run at
# 1,000/s under Java Flight Recorder for allocations and pauses, summarised by jfr_summary.py; the
# recording slows the server), BENCH_PORT_OFFSET (1100: http 9180, management 11090),
# BENCH_PG_PORT (56233), BENCH_WORK (/tmp/marquee-bench-feed). Needs a built tree, curl, jq, wrk, psql
# (apt-get install wrk postgresql-client jq).
set -euo pipefail
images=${1:-/work/shared/testdata/images}
export BENCH_PORT_OFFSET=${BENCH_PORT_OFFSET:-1100}
export BENCH_WORK=${BENCH_WORK:-/tmp/marquee-bench-feed}
export BENCH_PG_PORT=${BENCH_PG_PORT:-56233}
export BENCH_PG_DIR=$BENCH_WORK/pg
export BENCH_READY_TIMEOUT=${BENCH_READY_TIMEOUT:-300}
source "$(dirname "$0")/common.sh"
here=$(cd "$(dirname "$0")" && pwd)
rates=${FEED_RATES-500 1000 2000}
warmup=${FEED_WARMUP:-30}
duration=${FEED_DURATION:-60}
max_seconds=${FEED_MAX_SECONDS:-20}
max_rounds=${FEED_MAX_ROUNDS:-5}
connections=${FEED_CONNECTIONS:-64}
dir=$BENCH_WORK/run
[ -d "$images" ] || { echo "no test images at $images" >&2; exit 1; }
for tool in curl jq wrk psql; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install wrk postgresql-client jq)" >&2; exit 1; }
done

cleanup() {
  if [ -n "${FEED_KEEP:-}" ]; then
    echo "FEED_KEEP: Marquee (pid $(cat "$dir/pid" 2>/dev/null)) and PostgreSQL left running" >&2
    return
  fi
  stop_marquee "$dir"
  "$here/postgres.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$dir"; mkdir -p "$dir/static" "$dir/classes"
echo "machine: $(machine)"
echo "server: $JAR ($(date -r "$JAR" '+%F %T'); tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$here/postgres.sh" start
export MARQUEE_DB_DRIVER=postgresql MARQUEE_DB_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/postgres"
export MARQUEE_DB_USER=marquee MARQUEE_DB_PASSWORD=marquee MARQUEE_DEMO_ENABLED=false

# The ceiling: an Undertow file handler on the same listener and host (so the same host filters
# add the same headers), added at boot by a runtime CLI script; the WAR is unchanged.
cat >"$dir/static.cli" <<EOF
/subsystem=undertow/configuration=handler/file=marquee-bench-static:add(path="$dir/static", directory-listing=false)
/subsystem=undertow/server=default-server/host=default-host/location="/bench-static":add(handler=marquee-bench-static)
EOF
# FEED_SERVER_CLI: more management operations for the run (server tuning experiments).
[ -n "${FEED_SERVER_CLI:-}" ] && printf '%s\n' "$FEED_SERVER_CLI" >>"$dir/static.cli"
echo '{}' >"$dir/static/feed.json"
java_args=()
[ -n "${FEED_JFR:-}" ] && java_args+=(-XX:FlightRecorderOptions:stackdepth=256)
secs=$(start_marquee "$dir" "${java_args[@]}" -- --cli-script="$dir/static.cli")
echo "Marquee ready in ${secs}s (PostgreSQL, production settings, demo data off)"
pid=$(cat "$dir/pid")

python3 "$here/feed_seed.py" "$BASE" "$MARQUEE_ADMIN_PASSWORD" "$BENCH_PG_PORT" "$images" "$dir"
key=$(cat "$dir/key.txt")

javac -d "$dir/classes" "$here/FeedLoad.java"
load() { java -Xss512k -cp "$dir/classes" FeedLoad "$@" base="$BASE" key="$key" entries="$dir/entries.txt"; }

# The snapshot is rebuilt within marquee.feed.refresh-interval of the delivery_change rows.
for _ in $(seq 1 100); do
  curl -s -o "$dir/check.json" -H "X-Api-Key: $key" \
    "$BASE/api/v1/delivery/feed?entries=$(head -40 "$dir/entries.txt" | paste -sd,)&viewerId=check&profileType=ADULT&country=US&language=en-US&deviceClass=TV"
  ok=$(jq '[.items[] | select(.status == "OK" and (.renditions | length) == 3)] | length' "$dir/check.json" 2>/dev/null || echo 0)
  [ "$ok" = 40 ] && break
  sleep 0.2
done
[ "$ok" = 40 ] || { echo "the feed did not answer 40 entries OK (got $ok): $(head -c 600 "$dir/check.json")" >&2; exit 1; }
asset=$(curl -s -H "X-Api-Key: $key" "$BASE/api/v1/delivery/feed?entries=$(head -1 "$dir/entries.txt")" | jq -r '.items[0].renditions[0].url')
curl -fs -o /dev/null "$BASE$asset" || { echo "rendition $asset does not resolve" >&2; exit 1; }
echo "check: 40 of 40 entries OK with 3 renditions each; $asset resolves"

# The static file: the median-size answer of 500 requests of the load mix.
load sample count=500 save="$dir/static/feed.json" | tee "$dir/sample.txt"
echo "static file: $(wc -c <"$dir/static/feed.json") bytes"
curl -fs -o /dev/null "$BASE/bench-static/feed.json"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
results=()
# run TARGET RATE: one constant-rate run, with the server's CPU use over the measured window
run() {
  local target=$1 rate=$2 out t0 t1
  echo "== $target at $rate requests/s (warm-up ${warmup}s, measured ${duration}s), load $(cut -d' ' -f1 /proc/loadavg)"
  load run target="$target" rate="$rate" warmup="$warmup" duration="$duration" connections="$connections" >"$dir/run.out" &
  local lp=$!
  sleep "$warmup"; t0=$(cpu_ticks)
  sleep "$duration"; t1=$(cpu_ticks)
  wait $lp
  out="$(cat "$dir/run.out") server_cpu_pct=$(( (t1 - t0) * 100 / hz / duration )) load1=$(cut -d' ' -f1 /proc/loadavg)"
  echo "$out"
  results+=("$out")
}
for rate in $rates; do
  run feed "$rate"
  run static "$rate"
done

# Maximum throughput, closed model (wrk: 2 threads, 32 connections), same request paths. One
# window of either target can differ by a fifth from the next on this kind of machine, so
# FEED_MAX_ROUNDS rounds alternate feed and static, and the ratio is the median of the rounds'.
load paths count=10000 target=feed out="$dir/feed.paths"
load paths count=10000 target=static out="$dir/static.paths"
cat >"$dir/paths.lua" <<'EOF'
local paths, n = {}, 0
function init(args) for line in io.lines(args[1]) do paths[#paths + 1] = line end n = math.random(#paths) end
function request() n = n % #paths + 1 return wrk.format(nil, paths[n]) end
EOF
# max_wrk TARGET SECONDS [wrk options]: the closed-model load on TARGET's request paths
max_wrk() {
  wrk -t2 -c32 -d"$2s" "${@:3}" -s "$dir/paths.lua" -H "X-Api-Key: $key" "$BASE" -- "$dir/$1.paths"
}
for target in feed static; do
  max_wrk "$target" 10 >/dev/null
done
max=()
for round in $(seq 1 "$max_rounds"); do
  for target in feed static; do
    t0=$(cpu_ticks)
    out=$(max_wrk "$target" "$max_seconds" --latency)
    t1=$(cpu_ticks)
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/{print $5}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    cpu=$(( (t1 - t0) * 100 / hz / max_seconds ))
    echo "== max round $round $target: $rps requests/s (non-2xx: ${non2xx:-0}), p50 $p50, p99 $p99, server CPU $cpu%, load $(cut -d' ' -f1 /proc/loadavg)"
    max+=("$rps ${non2xx:-0} $p50 $p99")
  done
done

if [ -n "${FEED_PROFILE:-}" ]; then
  # async-profiler (Maven Central) samples the running server without disturbing it; starting a
  # Flight Recorder recording deoptimises it for minutes (docs/benchmarks.md, "Delivery feed")
  ap_version=4.0
  ap_jar=$HOME/.m2/repository/tools/profiler/async-profiler/$ap_version/async-profiler-$ap_version.jar
  [ -f "$ap_jar" ] || mvn -q dependency:get -Dartifact=tools.profiler:async-profiler:$ap_version
  case $(uname -m) in x86_64) ap_arch=linux-x64 ;; aarch64) ap_arch=linux-arm64 ;; esac
  unzip -o -q "$ap_jar" "$ap_arch/*" -d "$dir/async-profiler"
  ap_lib=$dir/async-profiler/$ap_arch/libasyncProfiler.so
  echo "== profile: feed maximum (wrk -t2 -c32 -d${max_seconds}s) under async-profiler $ap_version"
  jcmd "$pid" JVMTI.agent_load "$ap_lib" '"start,event=itimer,interval=2ms"' >/dev/null
  max_wrk feed "$max_seconds" | grep 'Requests/sec'
  jcmd "$pid" JVMTI.agent_load "$ap_lib" "\"stop,file=$dir/feed-profile.txt,collapsed\"" >/dev/null
  python3 "$here/profile_summary.py" "$dir/feed-profile.txt" | tee "$dir/profile.txt"
fi

if [ -n "${FEED_JFR:-}" ]; then
  echo "== recording: feed at 1000 requests/s under Java Flight Recorder (allocation, pauses)"
  load run target=feed rate=1000 warmup=20 duration=60 connections="$connections" >"$dir/jfr.out" &
  lp=$!
  sleep 20
  jcmd "$pid" JFR.start name=feed settings=profile duration=60s filename="$dir/feed.jfr" >/dev/null
  wait $lp
  sleep 2
  cat "$dir/jfr.out"
  python3 "$here/jfr_summary.py" "$dir/feed.jfr" | tee "$dir/jfr.txt"
fi

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| target | rate (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | achieved (req/s) | errors | server CPU | send lag p99 (ms) | load |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in "${results[@]}"; do
  f() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $r"; }
  echo "| $(f target) | $(f rate) | $(f p50_ms) | $(f p90_ms) | $(f p99_ms) | $(f max_ms) | $(f achieved_rps) | $(f errors) | $(f server_cpu_pct)% | $(f send_lag_p99_ms) | $(f load1) |"
done
echo
echo "| round | feed (req/s) | feed p50 / p99 | static (req/s) | static p50 / p99 | feed / static | non-2xx |"
echo "|---|---:|---|---:|---|---:|---:|"
ratios=()
for round in $(seq 1 "$max_rounds"); do
  read -r frps fbad fp50 fp99 <<<"${max[$(( (round - 1) * 2 ))]}"
  read -r srps sbad sp50 sp99 <<<"${max[$(( (round - 1) * 2 + 1 ))]}"
  ratio=$(python3 -c "print(f'{$frps / $srps * 100:.1f}')")
  ratios+=("$ratio")
  echo "| $round | $frps | $fp50 / $fp99 | $srps | $sp50 / $sp99 | $ratio% | $((fbad + sbad)) |"
done
echo
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')
echo "feed / static ceiling, median of $max_rounds rounds: $median%"
