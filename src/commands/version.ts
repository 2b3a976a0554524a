// exo version: `exo <version> <commit> (egoscale <version>)`, the line scripts already parse.
import pkg from "../../package.json" with { type: "json" };
import { defineCommand } from "./define.js";

/** The egoscale release whose API behaviour this CLI reproduces. */
export const EGOSCALE_VERSION = "v3.1.42";
export const COMMIT = "n/a";

export default defineCommand({
  async run() {
    return `exo ${pkg.version} ${COMMIT} (egoscale ${EGOSCALE_VERSION})\n`;
  },
});
