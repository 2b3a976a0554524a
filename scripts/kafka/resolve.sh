#!/usr/bin/env bash
# Copies the runtime jars of a pom (Kafka release VERSION, the pinned log4j) with Maven into OUTDIR; on failure
# prints the end of Maven's log. Used by fetch.sh (the broker) and fetch-tools.sh (Kafka's tools).
# Usage: resolve.sh POM OUTDIR VERSION
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions
. "$here/versions"
command -v mvn >/dev/null || { echo "$(basename "$0"): mvn (Maven) is required" >&2; exit 1; }
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! mvn -B -Dstyle.color=never -f "$1" \
  -Dkafka.version="$3" -Dlog4j.version="$LOG4J_VERSION" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$2" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  exit 1
fi
