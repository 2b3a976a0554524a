// exo dbaas type list in each output format.
import { describe, expect, it } from "vitest";
import { useCannedEmulator } from "../../../helpers/session.js";

const t = useCannedEmulator();
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });

describe("dbaas type list", () => {
  it("in every format", async () => {
    expect(await t.exo(["dbaas", "type", "list", "-O", "json"])).toEqual(
      ok('[{"name":"kafka","available_versions":["3.0","3.1"],"default_version":"3.1"},{"name":"pg","available_versions":["13","14"],"default_version":"14"}]\n'),
    );
    expect(await t.exo(["dbaas", "type", "list", "-O", "text"])).toEqual(ok("kafka\t[3.0 3.1]\t3.1\npg\t[13 14]\t14\n"));
    expect(await t.exo(["dbaas", "type", "list", "--output-template", "{{.Name}}={{.DefaultVersion}}"])).toEqual(ok("kafka=3.1\npg=14\n"));
  });
});
