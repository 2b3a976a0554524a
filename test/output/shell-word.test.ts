import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellCommand, shellWord } from "../../src/output/shell-word.js";

describe("shellWord", () => {
  it("leaves plain words bare", () => {
    expect(shellWord("test-kafka")).toBe("test-kafka");
    expect(shellWord("de-muc-1")).toBe("de-muc-1");
    expect(shellWord("./certs/a.pem")).toBe("./certs/a.pem");
  });

  it.each(["", "a b", "x$(touch P)", "it's", "a\nb", "*", "~", "a;b", "--x`id`"])("%j reads back as itself in sh", (word) => {
    const quoted = shellWord(word);
    expect(quoted).not.toBe(word === "" ? "" : undefined);
    const echoed = execFileSync("sh", ["-c", `printf %s ${quoted}`], { encoding: "utf8" });
    expect(echoed).toBe(word);
  });

  it("quotes each word of a command", () => {
    expect(shellCommand(["exo", "dbaas", "show", "a b", "-z", "de-muc-1"])).toBe("exo dbaas show 'a b' -z de-muc-1");
  });
});
