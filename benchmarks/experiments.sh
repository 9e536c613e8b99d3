#!/usr/bin/env bash
# JMH: assignments per second on one thread (GrowthBook v2 hashing, coverage, three weighted arms)
# and the full statistics of an experiment with 10 arms x 20 audience groups (engine only).
# Usage: benchmarks/experiments.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:\s*//p'), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$ROOT" && mvn -q -B -pl experiment-module -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test)
cp="$ROOT/experiment-module/target/test-classes:$ROOT/experiment-module/target/classes:$(cat "$ROOT/experiment-module/target/test-classpath.txt")"
java -cp "$cp" org.openjdk.jmh.Main 'AssignmentBenchmark|ResultsBenchmark' -f 2 -wi 3 -w 3s -i 5 -r 3s -t 1 |
  sed -n '/^Benchmark /,$p'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
