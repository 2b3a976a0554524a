#!/usr/bin/env bash
# Fetches Kafka's command-line tools (org.apache.kafka:kafka-tools, the pinned version) and their runtime
# jars with Maven into a scratch folder outside the repository ($KAFKA_TOOLS_DIR, default
# ${XDG_CACHE_HOME:-~/.cache}/exo-dbaas/kafka-tools/VERSION) and prints that folder. Used by npm run
# bench:kafka for TopicCommand; idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions
. "$here/versions"
# the tools of the newest pinned release, the one a new service runs
KAFKA_VERSION="${KAFKA_VERSIONS##* }"
dir="${KAFKA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/exo-dbaas/kafka-tools/$KAFKA_VERSION}"
if [ ! -f "$dir/kafka-tools-$KAFKA_VERSION.jar" ]; then
  mkdir -p "$(dirname "$dir")"
  work="$(mktemp -d "${dir%/}.fetch.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  "$here/resolve.sh" "$here/tools-pom.xml" "$work/libs" "$KAFKA_VERSION"
  rm -rf "$dir"
  mv "$work/libs" "$dir"
fi
echo "$dir"
