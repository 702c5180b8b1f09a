#!/usr/bin/env bash
# One-off run after dropping new files into input/: builds the jar if needed, runs in the
# foreground with progress on the console, returns the job's exit code.
# Usage: jobs/rerun.sh [--as-of YYYY-MM-DD] [--force] [other options, see --help]
# Environment: JAVA (default: java), JAVA_OPTS (default: jobs/java-options).
set -uo pipefail
cd "${IPO_ANALYZER_HOME:-$(cd "$(dirname "$0")/.." && pwd)}" || exit 1
jar=target/ipo-analyzer.jar
java_opts="${JAVA_OPTS-$(grep -v '^#' jobs/java-options)}"
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    mvn -B -q package -DskipTests || exit 1
fi
# The launcher script: the build's class-data-sharing archive, where there is one, cuts the start.
JAVA_OPTS="$java_opts" exec jobs/ipo-analyzer "$@"
