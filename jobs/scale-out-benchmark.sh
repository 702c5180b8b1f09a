#!/usr/bin/env bash
# The scale-out measurement (see README, "Scale out"): one generated market run on the shared
# PostgreSQL database with 0 workers (the manager's own threads), 1 worker process and 2 worker
# processes, each from an empty database; prints each run's wall time and report step times.
# Usage: jobs/scale-out-benchmark.sh [LISTINGS] [DAYS] [WORK_DIR] [HEAP]   (defaults: 5000 2000 target/scale-out 1g)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and RabbitMQ on 127.0.0.1:5672.
set -euo pipefail
cd "$(dirname "$0")/.."
LISTINGS=${1:-5000}; DAYS=${2:-2000}; WORK=${3:-target/scale-out}; HEAP=${4:-1g}
mvn -B -q package -DskipTests
JAR=target/ipo-analyzer.jar
mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
[ -d "$WORK/market" ] || java -jar $JAR generate-market --out "$WORK/market" --listings "$LISTINGS" --days "$DAYS"
DB=ipo_scale_out
PG="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres"
QUEUE="--ipo.partition-queue=ipo-analyzer.scale-out-benchmark"
WORKERS=()
stop_workers() { for pid in "${WORKERS[@]:-}"; do [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; done; WORKERS=(); }
trap stop_workers EXIT

for workers in 0 1 2; do
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
    rm -rf "$WORK/out" "$WORK/db"
    REMOTE=()
    if [ "$workers" -gt 0 ]; then
        REMOTE=(--remote-workers)
        for i in $(seq 1 "$workers"); do
            # The cores are shared: two workers take one partition at a time each, one worker two.
            java -Xmx"$HEAP" -jar $JAR worker --threads $((2 / workers)) --log-dir "$WORK/worker-$i" $PG $QUEUE \
                > "$WORK/worker-$i.out" 2>&1 &
            WORKERS+=($!)
        done
        for i in $(seq 1 "$workers"); do
            until grep -q "ipo-analyzer worker (" "$WORK/worker-$i.out"; do sleep 0.5; done
        done
    fi
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$WORK/rss" java -Xmx"$HEAP" -jar $JAR --input "$WORK/market" --output "$WORK/out" \
        --db "$WORK/db" --as-of 2026-11-28 --settle-seconds 0 "${REMOTE[@]}" $PG $QUEUE > "$WORK/run-$workers.out" 2>&1
    end=$(date +%s.%N)
    printf '%d worker(s): %.1f s wall, manager peak RSS %d MB; ' "$workers" "$(echo "$end - $start" | bc)" \
        "$(( $(cat "$WORK/rss") / 1024 ))"
    grep "time per step" "$WORK/run-$workers.out" | sed 's/^ *//' 
    stop_workers
done
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
