// exo version: this program's own name, version and commit, and the exo release it answers for.
// -O json prints the same facts as one object.
import pkg from "../../package.json" with { type: "json" };
import { stringify } from "../api/json.js";
import { defineCommand } from "./define.js";

/** The release of Exoscale's exo whose `exo dbaas` command lines this program answers byte for byte. */
export const EXO_COMPATIBLE_VERSION = "1.97.0";

// scripts/build.mjs defines it: the short commit the bundle was built from ("unknown" outside a git checkout)
declare const __EXO_DBAAS_COMMIT__: string | undefined;
/** The commit of the build; "dev" when running from the sources without a build. */
export const COMMIT = typeof __EXO_DBAAS_COMMIT__ === "string" ? __EXO_DBAAS_COMMIT__ : "dev";

/** `exo-dbaas 0.1.0 (abc1234), compatible with exo 1.97.0`: also what `exo --version` prints. */
export const versionLine = (): string => `${pkg.name} ${pkg.version} (${COMMIT}), compatible with exo ${EXO_COMPATIBLE_VERSION}\n`;

export default defineCommand({
  async run(ctx) {
    // only an explicit -O: printing the version reads no configuration file
    if (ctx.globals.outputFormat !== "json") return versionLine();
    return `${stringify({ name: pkg.name, version: pkg.version, commit: COMMIT, exo: EXO_COMPATIBLE_VERSION })}\n`;
  },
});
