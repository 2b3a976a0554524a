// The pinned Node versions the built CLI is tested on besides this one (scripts/node/versions), and where
// scripts/node/fetch.sh (.ci/setup-extra) puts their binaries.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./built-cli.js";

export interface PinnedNode {
  version: string;
  /** the executable, whether fetched or not */
  node: string;
  fetched: boolean;
}

export function pinnedNodes(): PinnedNode[] {
  const dir = process.env.NODE_BINARIES_DIR ?? join(ROOT, ".cache", "node");
  return readFileSync(join(ROOT, "scripts", "node", "versions"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
    .map((line) => {
      const version = line.trim().split(/\s+/)[0]!;
      const node = join(dir, version, "bin", "node");
      return { version, node, fetched: existsSync(node) };
    });
}
