#!/usr/bin/env bash
# Time from `java -jar` to /health/ready UP, with an empty data directory each run (so the
# measurement includes Flyway migrating a new database and creating the admin account).
# Usage: benchmarks/startup.sh [runs]
source "$(dirname "$0")/common.sh"
runs=${1:-5}
echo "machine: $(machine)"
for i in $(seq 1 "$runs"); do
  dir="$WORK/startup-$i"
  rm -rf "$dir"
  s=$(start_marquee "$dir" -Dmarquee.demo.enabled=false)
  stop_marquee "$dir"
  echo "run $i: ready after ${s}s"
done
