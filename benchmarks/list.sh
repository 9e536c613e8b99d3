#!/usr/bin/env bash
# The entry list (limit 50, default sort, then with a tag filter) with 10,000 entries in the H2
# database, under wrk: 2 threads, 8 connections, 30 s after a 10 s warm-up.
# Usage: benchmarks/list.sh
source "$(dirname "$0")/common.sh"
dir="$WORK/list"
rm -rf "$dir"; mkdir -p "$dir"
python3 "$(dirname "$0")/gen_entries.py" 10000 list >"$dir/entries.csv"
echo "machine: $(machine)"
start_marquee "$dir" -Dmarquee.demo.enabled=false >/dev/null
trap 'stop_marquee "$dir"' EXIT
curl -s -o /dev/null -u "admin:$MARQUEE_ADMIN_PASSWORD" -H 'Content-Type: text/csv' \
  --data-binary @"$dir/entries.csv" "$BASE/api/v1/imports/entries"
auth="Authorization: Basic $(printf 'admin:%s' "$MARQUEE_ADMIN_PASSWORD" | base64 -w0)"
for path in "/api/v1/entries?limit=50" "/api/v1/entries?limit=50&tag=THEME:romance"; do
  wrk -t2 -c8 -d10s -H "$auth" "$BASE$path" >/dev/null
  echo "== GET $path"
  wrk -t2 -c8 -d30s --latency -H "$auth" "$BASE$path" | grep -E "Latency|50%|99%|Requests/sec|requests in|Non-2xx"
done
