#!/usr/bin/env bash
# A Keycloak 26.0.8 for the benchmarks (the Maven Central dist the tests use), on 127.0.0.1:18180,
# with docs/keycloak/marquee-realm.json imported. The realm's placeholder client secrets are replaced
# by random ones written to $WORK/keycloak/secrets.env, and the automation client's service account
# also gets marquee-editor so one token can import and list.
# Usage: benchmarks/keycloak.sh start|stop
source "$(dirname "$0")/common.sh"
ver=26.0.8
zip=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$ver/keycloak-quarkus-dist-$ver.zip
dir="$WORK/keycloak"
KC_PORT=18180
case "${1:-start}" in
  start)
    [ -f "$zip" ] || mvn -q dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$ver:zip
    rm -rf "$dir"; mkdir -p "$dir"
    unzip -q "$zip" -d "$dir"
    home="$dir/keycloak-$ver"
    mkdir -p "$home/data/import"
    marquee_secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    automation_secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    python3 - "$ROOT/docs/keycloak/marquee-realm.json" "$home/data/import/marquee-realm.json" \
      "$marquee_secret" "$automation_secret" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1]))
for c in realm["clients"]:
    if c["clientId"] == "marquee": c["secret"] = sys.argv[3]
    if c["clientId"] == "marquee-automation": c["secret"] = sys.argv[4]
for u in realm["users"]:
    if u["username"] == "service-account-marquee-automation": u["realmRoles"].append("marquee-editor")
json.dump(realm, open(sys.argv[2], "w"))
PY
    printf 'MARQUEE_SECRET=%s\nAUTOMATION_SECRET=%s\n' "$marquee_secret" "$automation_secret" >"$dir/secrets.env"
    (cd "$home" && KC_BOOTSTRAP_ADMIN_USERNAME=bench-admin \
      KC_BOOTSTRAP_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64) \
      exec bash bin/kc.sh start-dev --http-host=127.0.0.1 --http-port=$KC_PORT --db=dev-mem \
      --import-realm >"$dir/keycloak.log" 2>&1) &
    echo $! >"$dir/pid"
    for _ in $(seq 1 600); do # the first start also builds Keycloak (minutes on a busy machine)
      curl -fs "http://127.0.0.1:$KC_PORT/realms/marquee/.well-known/openid-configuration" >/dev/null && break
      sleep 0.5
    done
    curl -fs "http://127.0.0.1:$KC_PORT/realms/marquee" >/dev/null || { echo "Keycloak did not start; see $dir/keycloak.log" >&2; exit 1; }
    echo "Keycloak $ver on 127.0.0.1:$KC_PORT"
    ;;
  stop)
    # (common.sh sets -e: every step that may find nothing to stop ends in "|| true")
    if [ -f "$dir/pid" ]; then
      pkill -P "$(cat "$dir/pid")" 2>/dev/null || true
      kill "$(cat "$dir/pid")" 2>/dev/null || true
    fi
    pkill -f "$dir/keycloak-$ver" 2>/dev/null || true
    # kc.sh re-executes Keycloak after its build step, so the JVM may be no child of the pid above:
    # whatever still listens on the port goes too (it would also keep a caller's flock held).
    for _ in $(seq 1 20); do fuser -s -n tcp $KC_PORT 2>/dev/null || break; sleep 0.5; done
    fuser -s -k -n tcp $KC_PORT 2>/dev/null || true
    ;;
esac
