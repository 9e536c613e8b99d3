#!/usr/bin/env bash
# The entry list (limit 50, default sort, then with a tag filter) with 10,000 entries in the H2
# database, under wrk: 2 threads, 8 connections, 30 s after a 10 s warm-up.
#   benchmarks/list.sh         HTTP Basic as the local admin (a bcrypt check on every request)
#   benchmarks/list.sh bearer  single sign-on: Keycloak access tokens (benchmarks/keycloak.sh start first)
source "$(dirname "$0")/common.sh"
mode=${1:-basic}
dir="$WORK/list"
rm -rf "$dir"; mkdir -p "$dir"
python3 "$(dirname "$0")/gen_entries.py" 10000 list >"$dir/entries.csv"
echo "machine: $(machine); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$mode" = bearer ]; then
  source "$WORK/keycloak/secrets.env"
  issuer="http://127.0.0.1:18180/realms/marquee"
  export MARQUEE_AUTH_METHOD=OIDC MARQUEE_OIDC_PROVIDER_URL=$issuer MARQUEE_OIDC_SSL_REQUIRED=none \
    MARQUEE_OIDC_CLIENT_SECRET=$MARQUEE_SECRET
  auth_header() {
    local token
    token=$(curl -fs -d grant_type=client_credentials -d client_id=marquee-automation \
      -d client_secret="$AUTOMATION_SECRET" "$issuer/protocol/openid-connect/token" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
    echo "Authorization: Bearer $token"
  }
else
  auth_header() { echo "Authorization: Basic $(printf 'admin:%s' "$MARQUEE_ADMIN_PASSWORD" | base64 -w0)"; }
fi
start_marquee "$dir" -Dmarquee.demo.enabled=false >/dev/null
trap 'stop_marquee "$dir"' EXIT
curl -fs -o /dev/null -H "$(auth_header)" -H 'Content-Type: text/csv' \
  --data-binary @"$dir/entries.csv" "$BASE/api/v1/imports/entries"
for path in "/api/v1/entries?limit=50" "/api/v1/entries?limit=50&tag=THEME:romance"; do
  auth=$(auth_header) # access tokens live 5 minutes: a fresh one per run
  wrk -t2 -c8 -d10s -H "$auth" "$BASE$path" >/dev/null
  echo "== GET $path ($mode)"
  wrk -t2 -c8 -d30s --latency -H "$auth" "$BASE$path" | grep -E "Latency|50%|99%|Requests/sec|requests in|Non-2xx|Socket errors"
done
