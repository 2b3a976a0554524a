// -z on every registered command, generated from the declarations: a command that declares the zone
// flag asks for its value, any other refuses it as pflag does; nothing runs either way.
import { describe, expect, it } from "vitest";
import { registeredLeaves, takesZone } from "../helpers/commands.js";
import { runCli } from "../helpers/run-cli.js";

// no API: a line that got past its flags would fail differently
const ENV = { EXOSCALE_API_ENDPOINT: "http://127.0.0.1:1/v2", EXOSCALE_API_KEY: "EXOx", EXOSCALE_API_SECRET: "x" };
const leaves = await registeredLeaves();

describe("-z, as each command declares it", () => {
  it.each(leaves.map((leaf) => [leaf.path.join(" "), leaf] as const))("%s", async (_, leaf) => {
    // a zoneless command may add why it has no zone, on the same line
    const stderr = takesZone(leaf.definition) ? /^error: flag needs an argument: --zone\n$/ : /^error: unknown shorthand flag: 'z' in -z( \([^\n]+\))?\n$/;
    expect(await runCli([...leaf.path, "-z"], { env: ENV })).toEqual({ exitCode: 1, stdout: "", stderr: expect.stringMatching(stderr) });
  });

  it("covers zoned and zoneless commands alike", () => {
    expect(leaves.filter((leaf) => takesZone(leaf.definition)).map((l) => l.path.join(" "))).toContain("dbaas show");
    expect(leaves.filter((leaf) => !takesZone(leaf.definition)).map((l) => l.path.join(" "))).toContain("dbaas type show");
  });
});
