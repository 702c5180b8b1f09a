#!/usr/bin/env bash
# Nightly run: today's as-of date, a dated log file, the job's own exit code.
# Usage: jobs/nightly.sh [more ipo-analyzer options]   (see: jobs/ipo-analyzer --help)
# Environment: IPO_ANALYZER_HOME (default: this repository), AS_OF (default: today), JAVA (default: java),
# JAVA_OPTS (default: jobs/java-options),
# SETTLE_RETRIES (default 10) and SETTLE_WAIT (seconds, default 60): the job waits for files still being
# copied in, and exits 6 without reading anything when one keeps changing past that; this script then
# waits and tries again.
set -uo pipefail
cd "${IPO_ANALYZER_HOME:-$(cd "$(dirname "$0")/.." && pwd)}" || exit 1
as_of="${AS_OF:-$(date +%F)}"
mkdir -p data/logs
log="data/logs/nightly-$as_of.log"
java_opts="${JAVA_OPTS-$(grep -v '^#' jobs/java-options)}"
if [ ! -f target/ipo-analyzer.jar ]; then
    mvn -B -q package -DskipTests >>"$log" 2>&1 || { echo "build failed, see $log" >&2; exit 1; }
fi
for _ in $(seq 0 "${SETTLE_RETRIES:-10}"); do
    echo "=== $(date -Is) start, as of $as_of" >>"$log"
    # The launcher script: the build's class-data-sharing archive, where there is one, cuts the start.
    JAVA_OPTS="$java_opts" jobs/ipo-analyzer --as-of "$as_of" "$@" >>"$log" 2>&1
    code=$?
    echo "=== $(date -Is) exit $code" >>"$log"
    [ "$code" -eq 6 ] || break
    sleep "${SETTLE_WAIT:-60}"
done
exit "$code"
