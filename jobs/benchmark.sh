#!/usr/bin/env bash
# The benchmark of issue 6: the job against DuckDB on a generated market (see README, "Scale").
# Usage: jobs/benchmark.sh [LISTINGS] [DAYS] [WORK_DIR] [HEAP] [NIGHTS]   (defaults: 5000 2000 target/bench 1g 0)
# NIGHTS: that many more nightly runs, one appended day each, then the output folder's disk.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench package -DskipTests
mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.github.ipoanalyzer.bench.Benchmark \
    "${1:-5000}" "${2:-2000}" "${3:-target/bench}" "${4:-1g}" "${5:-0}"
