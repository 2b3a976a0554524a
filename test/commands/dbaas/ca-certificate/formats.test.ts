// exo dbaas ca-certificate in each output format.
import { describe, expect, it } from "vitest";
import { expected } from "../../../helpers/reference-examples.js";
import { useCannedEmulator } from "../../../helpers/session.js";

const t = useCannedEmulator();
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });

describe("dbaas ca-certificate", () => {
  it("prints the PEM as returned in every output format", async () => {
    for (const extra of [[], ["-O", "json"], ["-O", "text"], ["--output-template", "{{.Certificate}}"], ["-O", "table"]]) {
      expect(await t.exo(["dbaas", "ca-certificate", ...extra])).toEqual(ok(expected("ca-cert.stdout")));
      expect(await t.exo(["dbaas", "ca-certificate", ...extra], { tty: true })).toEqual(ok(expected("ca-cert.stdout")));
    }
  });
});
