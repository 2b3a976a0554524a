#!/usr/bin/env bash
# Fetches Kafka's command-line tools (org.apache.kafka:kafka-tools, the pinned version) and their runtime
# jars with Maven into a scratch folder outside the repository ($KAFKA_TOOLS_DIR, default
# ${XDG_CACHE_HOME:-~/.cache}/exo-dbaas/kafka-tools/VERSION) and prints that folder. Used by npm run
# bench:kafka for TopicCommand; idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions
. "$here/versions"
dir="${KAFKA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/exo-dbaas/kafka-tools/$KAFKA_VERSION}"
if [ ! -f "$dir/kafka-tools-$KAFKA_VERSION.jar" ]; then
  command -v mvn >/dev/null || { echo "fetch-tools.sh: mvn (Maven) is required" >&2; exit 1; }
  mkdir -p "$(dirname "$dir")"
  work="$(mktemp -d "${dir%/}.fetch.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  if ! mvn -B -Dstyle.color=never -f "$here/tools-pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$LOG4J_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/libs" >"$work/mvn.log" 2>&1; then
    tail -n 40 "$work/mvn.log" >&2
    exit 1
  fi
  rm -rf "$dir"
  mv "$work/libs" "$dir"
fi
echo "$dir"
