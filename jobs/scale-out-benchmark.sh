#!/usr/bin/env bash
# The scale-out measurement (see README, "Scale out"): one generated market run on the shared
# PostgreSQL database, each run from an empty database; prints each run's wall time and step times.
# Usage: jobs/scale-out-benchmark.sh [LISTINGS] [DAYS] [WORK_DIR] [HEAP] [QUOTA]
#        (defaults: 5000 2000 target/scale-out 1g, no quota)
# Without QUOTA: 0 workers (the manager's own threads), 1 worker process and 2, all sharing the cores.
# With QUOTA (cores, e.g. 0.5): every process, the manager and each worker, held to that much CPU
# in a cgroup of its own, one report partition at a time each: one process (0 workers), then 1, 2
# and 4 workers; then the speed-up of the report step over one process and the partitions' own times.
# Each of these runs is followed by a second one on the same workers, as of the next day with
# the report folder removed (every listing computed again, the prices already loaded): workers
# run as a service stay up between runs, so from their second run on their code is compiled
# (warm), while the manager, and so one process alone, starts cold each run. Warm workers are
# compared with one process and with one warm worker (the same kind of process, only more of them).
# WORKER_COUNTS (environment): the runs to make, such as "1" (default "0 1 2 4" with QUOTA, else "0 1 2").
# A quota is held through cgroup v2 or the cgroup v1 cpu controller (as root); where neither
# can be written, the script says so and stops. The processes' group gets the highest CPU weight,
# so that on a machine busy with other work each process still gets its quota, not only at most it
# (the manager and 4 workers ask 2.5 cores at most, 2 while the workers compute).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and RabbitMQ on 127.0.0.1:5672.
set -euo pipefail
cd "$(dirname "$0")/.."
LISTINGS=${1:-5000}; DAYS=${2:-2000}; WORK=${3:-target/scale-out}; HEAP=${4:-1g}; QUOTA=${5:-}
PERIOD_US=100000
if [ -n "$QUOTA" ] && { ! [[ "$QUOTA" =~ ^[0-9]*\.?[0-9]+$ ]] || [ "$(echo "$QUOTA * $PERIOD_US >= 1000" | bc)" != 1 ]; }; then
    echo "QUOTA is a number of cores of at least 0.01, such as 0.5 or 1, not '$QUOTA'." >&2
    exit 2
fi
if [ -n "$QUOTA" ]; then DEFAULT_RUNS="0 1 2 4"; else DEFAULT_RUNS="0 1 2"; fi
read -r -a RUNS <<< "${WORKER_COUNTS:-$DEFAULT_RUNS}"
for workers in "${RUNS[@]}"; do
    [[ "$workers" =~ ^[0-9]+$ ]] || { echo "WORKER_COUNTS holds whole numbers of workers, such as \"0 2 4\", not '$workers'." >&2; exit 2; }
done
mvn -B -q package -DskipTests
JAR=target/ipo-analyzer.jar
mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
[ -d "$WORK/market" ] || java -jar $JAR generate-market --out "$WORK/market" --listings "$LISTINGS" --days "$DAYS"
DB=ipo_scale_out
PSQL=(psql -q -h 127.0.0.1 -U postgres)
PG="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres"
QUEUE="--ipo.partition-queue=ipo-analyzer.scale-out-benchmark"

if [ -n "$QUOTA" ]; then
    QUOTA_US=$(echo "$QUOTA * $PERIOD_US / 1" | bc)
    if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers \
            && mkdir -p /sys/fs/cgroup/ipo-scale-out 2>/dev/null \
            && echo +cpu > /sys/fs/cgroup/ipo-scale-out/cgroup.subtree_control 2>/dev/null; then
        CGROUP_ROOT=/sys/fs/cgroup/ipo-scale-out
        echo 10000 > "$CGROUP_ROOT/cpu.weight"
        hold() { mkdir -p "$1" && echo "$QUOTA_US $PERIOD_US" > "$1/cpu.max"; }
    elif [ -w /sys/fs/cgroup/cpu/cgroup.procs ] && mkdir -p /sys/fs/cgroup/cpu/ipo-scale-out 2>/dev/null; then
        CGROUP_ROOT=/sys/fs/cgroup/cpu/ipo-scale-out
        echo 262144 > "$CGROUP_ROOT/cpu.shares"
        hold() { mkdir -p "$1" && echo "$PERIOD_US" > "$1/cpu.cfs_period_us" && echo "$QUOTA_US" > "$1/cpu.cfs_quota_us"; }
    else
        echo "Cannot hold a CPU quota here: neither cgroup v2 with the cpu controller nor cgroup v1's" \
             "/sys/fs/cgroup/cpu can be written (run as root, or without QUOTA to share the cores)." >&2
        exit 1
    fi
    # One thread per process, and the same ranges for every run, so that only the processes differ.
    THREADS=1; PARTITIONS=16
    echo "Each process held to $QUOTA core(s) (${QUOTA_US} µs of CPU per ${PERIOD_US} µs) in its own cgroup under $CGROUP_ROOT"
fi

# Becomes the command, in the cgroup $1 ("": as it is); so in the background, $! is the command's pid.
in_cgroup() {
    local group=$1; shift
    if [ -z "$group" ]; then exec "$@"; fi
    hold "$group" && exec sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$group" "$@"
}

WORKERS=()
stop_workers() { for pid in "${WORKERS[@]:-}"; do [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; done; WORKERS=(); }
remove_cgroups() { [ -n "${CGROUP_ROOT:-}" ] && rmdir "$CGROUP_ROOT"/*/ "$CGROUP_ROOT" 2>/dev/null || true; }
trap 'stop_workers; remove_cgroups' EXIT
trap 'exit 143' TERM INT
declare -A REPORT_SECONDS

for workers in "${RUNS[@]}"; do
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
    rm -rf "$WORK/db"
    REMOTE=(); MANAGER_GROUP=""; MANAGER_THREADS=()
    if [ -n "$QUOTA" ]; then
        MANAGER_GROUP="$CGROUP_ROOT/manager"
        MANAGER_THREADS=(-Dipo.report-threads=$THREADS -Dipo.report-partitions=$PARTITIONS)
    fi
    if [ "$workers" -gt 0 ]; then
        REMOTE=(--remote-workers)
        for i in $(seq 1 "$workers"); do
            # Without a quota the cores are shared: two workers take one partition at a time each, one worker two.
            group=""; threads=$(( workers >= 2 ? 1 : 2 ))
            [ -n "$QUOTA" ] && { group="$CGROUP_ROOT/worker-$i"; threads=$THREADS; }
            in_cgroup "$group" java -Xmx"$HEAP" -jar $JAR worker --threads "$threads" --log-dir "$WORK/worker-$i" $PG $QUEUE \
                > "$WORK/worker-$i.out" 2>&1 &
            WORKERS+=($!)
            # One at a time: workers starting together on an empty database race to create its tables.
            until grep -qs "ipo-analyzer worker (" "$WORK/worker-$i.out"; do
                kill -0 "${WORKERS[-1]}" 2>/dev/null || { echo "worker $i ended:" >&2; cat "$WORK/worker-$i.out" >&2; exit 1; }
                sleep 0.5
            done
        done
    fi
    # Run $1 of the manager ("cold", or "warm": on the workers of the cold run) as of day $2.
    run_manager() {
        local name=$1 as_of=$2 start end
        rm -rf "$WORK/out"
        start=$(date +%s.%N)
        if ! (in_cgroup "$MANAGER_GROUP" /usr/bin/time -f "%M" -o "$WORK/rss" java -Xmx"$HEAP" "${MANAGER_THREADS[@]}" -jar $JAR \
            --input "$WORK/market" --output "$WORK/out" --db "$WORK/db" --as-of "$as_of" --settle-seconds 0 \
            "${REMOTE[@]}" $PG $QUEUE > "$WORK/run-$workers-$name.out" 2>&1); then
            echo "The $name run with $workers worker(s) failed; the end of $WORK/run-$workers-$name.out:" >&2
            tail -n 30 "$WORK/run-$workers-$name.out" >&2
            exit 1
        fi
        end=$(date +%s.%N)
        printf '%d worker(s), %s: %.1f s wall, manager peak RSS %d MB, load average %s; ' "$workers" "$name" \
            "$(echo "$end - $start" | bc)" "$(( $(cat "$WORK/rss") / 1024 ))" "$(cut -d' ' -f1-3 /proc/loadavg)"
        grep "time per step" "$WORK/run-$workers-$name.out" | sed 's/^ *//' || echo "(no step times in $WORK/run-$workers-$name.out)"
        REPORT_SECONDS[$workers-$name]=$(grep -o "reportListings [0-9.]* s" "$WORK/run-$workers-$name.out" | grep -o "[0-9.]*" || echo "")
        if [ -n "$QUOTA" ]; then
            # Each partition's own time, as the job repository recorded it: what one process computes at a time.
            "${PSQL[@]}" -d "$DB" -At -F ' ' -c "SELECT count(*), round(sum(s)::numeric, 1), round(avg(s)::numeric, 1),
                    round(min(s)::numeric, 1), round(max(s)::numeric, 1) FROM (SELECT extract(epoch FROM END_TIME - START_TIME) s
                    FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'reportListingRange%' AND JOB_EXECUTION_ID =
                    (SELECT max(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)) p" \
                | awk '{printf "  partitions: %d, %.1f s in all, each %.1f s on average (%.1f to %.1f s)\n", $1, $2, $3, $4, $5}'
        fi
    }
    run_manager cold 2026-11-28
    [ -n "$QUOTA" ] && run_manager warm 2026-11-29
    stop_workers
done
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
if [ -n "$QUOTA" ]; then
    for name in cold warm; do
        for workers in "${RUNS[@]}"; do
            [ "$workers" -ge 2 ] || continue
            one=${REPORT_SECONDS[0-$name]:-}; single=${REPORT_SECONDS[1-$name]:-}; many=${REPORT_SECONDS[$workers-$name]:-}
            if [ -n "$one" ] && [ -n "$many" ]; then
                printf 'reportListings with %d %s workers: %.2f× one process at the same quota (%s s against %s s)\n' \
                    "$workers" "$name" "$(echo "$one / $many" | bc -l)" "$many" "$one"
            fi
            if [ -n "$single" ] && [ -n "$many" ]; then
                printf 'reportListings with %d %s workers: %.2f× one %s worker (%s s against %s s)\n' "$workers" "$name" \
                    "$(echo "$single / $many" | bc -l)" "$name" "$many" "$single"
            fi
        done
    done
fi
