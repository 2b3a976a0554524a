#!/usr/bin/env bash
# Fetches every pinned Apache Kafka release (KAFKA_VERSIONS) and its runtime jars from Maven Central into
# .cache/kafka/VERSION (or $KAFKA_CACHE_DIR/VERSION). Idempotent: a release already there is left alone; a new one
# is resolved into a temp directory and renamed into place, so a reader never sees a partial set.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=versions
. "$here/versions"
cache="${KAFKA_CACHE_DIR:-$root/.cache/kafka}"

fetch_release() {
  local version="$1" libs="$cache/$1" stamp="kafka=$1 log4j=$LOG4J_VERSION" work
  if [ -f "$libs/.stamp" ] && [ "$(cat "$libs/.stamp")" = "$stamp" ]; then
    return 0
  fi
  mkdir -p "$cache"
  work="$(mktemp -d "$cache/.$version.fetch.XXXXXX")"
  "$here/resolve.sh" "$here/pom.xml" "$work/libs" "$version" || { rm -rf "$work"; exit 1; }
  [ -f "$work/libs/kafka_2.13-$version.jar" ] || { echo "fetch.sh: Kafka jar missing after resolution" >&2; rm -rf "$work"; exit 1; }
  echo "$stamp" >"$work/libs/.stamp"
  rm -rf "$libs"
  mv "$work/libs" "$libs"
  rm -rf "$work"
  echo "Kafka $version: $(ls "$libs" | grep -c '\.jar$') jars in $libs" >&2
}

for version in $KAFKA_VERSIONS; do fetch_release "$version"; done
