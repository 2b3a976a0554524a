#!/usr/bin/env bash
# Fetches the pinned Apache Kafka broker and all its runtime jars from Maven Central into
# .cache/kafka/libs (or $KAFKA_LIBS_DIR). Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=versions
. "$here/versions"
libs="${KAFKA_LIBS_DIR:-$root/.cache/kafka/libs}"
stamp="kafka=$KAFKA_VERSION log4j=$LOG4J_VERSION"

if [ -f "$libs/.stamp" ] && [ "$(cat "$libs/.stamp")" = "$stamp" ]; then
  exit 0
fi

mkdir -p "$(dirname "$libs")"
work="$(mktemp -d "${libs%/}.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$here/resolve.sh" "$here/pom.xml" "$work/libs"
[ -f "$work/libs/kafka_2.13-$KAFKA_VERSION.jar" ] || { echo "fetch.sh: Kafka jar missing after resolution" >&2; exit 1; }
echo "$stamp" >"$work/libs/.stamp"
rm -rf "$libs"
mv "$work/libs" "$libs"
echo "Kafka $KAFKA_VERSION: $(ls "$libs" | grep -c '\.jar$') jars in $libs" >&2
