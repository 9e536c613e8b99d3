#!/usr/bin/env bash
# Event ingestion under sustained load with an exact count check afterwards (benchmarks/ingest.py).
# Usage: benchmarks/ingest.sh h2|postgresql [batches] [clients]   (postgresql: postgres.sh start first)
source "$(dirname "$0")/common.sh"
db=${1:-h2}
dir="$WORK/ingest-$db"
rm -rf "$dir"; mkdir -p "$dir"
use_database "$db"
echo "machine: $(machine); database: $db; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_marquee "$dir" -Dmarquee.demo.enabled=false >/dev/null
trap 'stop_marquee "$dir"' EXIT
python3 -B "$(dirname "$0")/ingest.py" "$BASE" "$MARQUEE_ADMIN_PASSWORD" "$ROOT/../shared/testdata/images" "${2:-400}" "${3:-4}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
