#!/usr/bin/env bash
# The full results call over HTTP for 10 arms x 20 audience groups with counts in the database
# (benchmarks/results.py), beside a plain experiment read as the baseline.
# Usage: benchmarks/results.sh h2|postgresql [timed] [warmup]   (postgresql: postgres.sh start first)
# HTTP Basic verifies the bcrypt hash on every request (~0.1 s at the default cost 10), so the
# benchmark's admin password is hashed at cost 4: the figure is the results call, not bcrypt. The
# admin is created once per database: on PostgreSQL start from a fresh `postgres.sh start`, or an
# admin left by another script keeps its cost-10 hash and every call costs ~0.1 s more.
source "$(dirname "$0")/common.sh"
db=${1:-h2}
dir="$WORK/results-$db"
rm -rf "$dir"; mkdir -p "$dir"
use_database "$db"
echo "machine: $(machine); database: $db; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_marquee "$dir" -Dmarquee.demo.enabled=false -Dmarquee.auth.bcrypt-cost=4 >/dev/null
trap 'stop_marquee "$dir"' EXIT
python3 -B "$(dirname "$0")/results.py" "$BASE" "$MARQUEE_ADMIN_PASSWORD" "$ROOT/../shared/testdata/images" "${2:-200}" "${3:-50}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
