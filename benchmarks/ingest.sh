#!/usr/bin/env bash
# Event ingestion under load with an exact count check afterwards (benchmarks/ingest.py).
# Usage: benchmarks/ingest.sh h2|postgresql [batches] [clients]   (postgresql: postgres.sh start first)
source "$(dirname "$0")/common.sh"
db=${1:-h2}
dir="$WORK/ingest-$db"
rm -rf "$dir"; mkdir -p "$dir"
if [ "$db" = postgresql ]; then
  export MARQUEE_DB_DRIVER=postgresql
  export MARQUEE_DB_URL=${MARQUEE_DB_URL:-jdbc:postgresql://127.0.0.1:55432/postgres}
  export MARQUEE_DB_USER=marquee MARQUEE_DB_PASSWORD=marquee
fi
echo "machine: $(machine); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_marquee "$dir" -Dmarquee.demo.enabled=false >/dev/null
trap 'stop_marquee "$dir"' EXIT
python3 "$(dirname "$0")/ingest.py" "$BASE" "$MARQUEE_ADMIN_PASSWORD" "$ROOT/../shared/testdata/images" "${2:-400}" "${3:-4}"
