// exo dbaas list in each output format.
import { describe, expect, it } from "vitest";
import { useCannedEmulator } from "../../../helpers/session.js";

const t = useCannedEmulator();
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });

describe("dbaas list", () => {
  const LIST = ["dbaas", "list", "-z", "de-muc-1"];
  it("-O text: one TAB-separated line per service", async () => {
    expect(await t.exo([...LIST, "-O", "text"])).toEqual(ok("test-kafka\tkafka\tstartup-2\tde-muc-1\ntest-pg\tpg\thobbyist-2\tde-muc-1\n"));
  });
  it("a template runs once per row, each followed by a newline", async () => {
    expect(await t.exo([...LIST, "--output-template", "{{.Name}}/{{.Zone}}"])).toEqual(ok("test-kafka/de-muc-1\ntest-pg/de-muc-1\n"));
    expect(await t.exo(["dbaas", "ls", "-z", "de-muc-1", "-O", "json", "--output-template", "{{.Type}}"])).toEqual(ok("kafka\npg\n"));
  });
  it("an unparsable template: exo's warning on stdout, then each row as {{.}}", async () => {
    expect(await t.exo([...LIST, "--output-template", "{{.Name"])).toEqual(
      ok("warning: invalid output template: template: out:1: unclosed action\n{test-kafka kafka startup-2 de-muc-1}\n{test-pg pg hobbyist-2 de-muc-1}\n"),
    );
  });
  it("no services: nothing in table and text, [] in JSON", async () => {
    await t.can("GET", "/dbaas-service", { "dbaas-services": [] });
    expect(await t.exo(LIST)).toEqual(ok(""));
    expect(await t.exo([...LIST, "-O", "text"])).toEqual(ok(""));
    expect(await t.exo([...LIST, "-O", "json"])).toEqual(ok("[]\n"));
  });
  it("truncates long names to the column width with an ellipsis", async () => {
    const name = "k".repeat(75);
    await t.can("GET", "/dbaas-service", { "dbaas-services": [{ name, type: "kafka", plan: "business-4-extra-large" }] });
    const { stdout } = await t.exo(LIST, { tty: true });
    expect(stdout.split("\n")[3]).toBe(`│ ${"k".repeat(69)}… │ kafka            │ business-4-extr… │ de-muc-1 │`);
    expect(JSON.parse((await t.exo([...LIST, "-O", "json"])).stdout)[0].name).toBe(name);
  });
});
