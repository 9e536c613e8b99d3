#!/usr/bin/env bash
# Bulk import of 10,000 entries over HTTP (CSV, one request), then the same file again (all rows
# unchanged). Usage: benchmarks/import.sh h2|postgresql   (postgresql: run postgres.sh start first)
source "$(dirname "$0")/common.sh"
db=${1:-h2}
dir="$WORK/import-$db"
rm -rf "$dir"; mkdir -p "$dir"
python3 "$(dirname "$0")/gen_entries.py" 10000 "bench-$db" >"$dir/entries.csv"
args=(-Dmarquee.demo.enabled=false)
if [ "$db" = postgresql ]; then
  export MARQUEE_DB_DRIVER=postgresql
  export MARQUEE_DB_URL=${MARQUEE_DB_URL:-jdbc:postgresql://127.0.0.1:55432/postgres}
  export MARQUEE_DB_USER=marquee MARQUEE_DB_PASSWORD=marquee
fi
echo "machine: $(machine)"
start_marquee "$dir" "${args[@]}" >/dev/null
trap 'stop_marquee "$dir"' EXIT
for run in first re-run; do
  out=$(curl -s -o "$dir/report-$run.json" -w '%{http_code} %{time_total}' -u "admin:$MARQUEE_ADMIN_PASSWORD" \
    -H 'Content-Type: text/csv' --data-binary @"$dir/entries.csv" "$BASE/api/v1/imports/entries")
  code=${out% *}; secs=${out#* }
  report=$(python3 -c "import json;r=json.load(open('$dir/report-$run.json'));print(f\"created={r['created']} updated={r['updated']} unchanged={r['unchanged']} failed={r['failed']}\")")
  echo "$db $run: HTTP $code in ${secs}s = $(python3 -c "print(round(10000/$secs))") rows/s ($report)"
done
