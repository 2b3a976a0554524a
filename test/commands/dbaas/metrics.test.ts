// exo dbaas metrics: what it sends, how it prints, and exo's errors.
import { describe, expect, it } from "vitest";
import { useCannedEmulator } from "../../helpers/session.js";

const t = useCannedEmulator();
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });
const METRICS_PATH = "/dbaas-service-metrics/test-kafka";

const sentBodies = () => t.emulator.requests().filter((r) => r.method === "POST").map((r) => r.body);

describe("dbaas metrics", () => {
  const metrics = { z_last: { value: 9007199254740993, tiny: 1e-7 }, a_first: { html: "<b>&</b>", rows: [[1, 2.5]] } };

  it("json.Marshal of the metrics and a newline: keys sorted, HTML escaped, numbers as float64; -O and templates ignored", async () => {
    await t.can("POST", METRICS_PATH, { metrics });
    const want = '{"a_first":{"html":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e","rows":[[1,2.5]]},"z_last":{"tiny":1e-7,"value":9007199254740992}}\n';
    for (const extra of [[], ["-O", "json"], ["-O", "table"], ["--output-template", "{{.X}}"]]) {
      expect(await t.exo(["dbaas", "metrics", "test-kafka", ...extra])).toEqual(ok(want));
    }
  });

  it("always sends the period (hour unless --period says otherwise)", async () => {
    await t.can("POST", METRICS_PATH, { metrics });
    await t.exo(["dbaas", "metrics", "test-kafka"]);
    await t.exo(["dbaas", "metrics", "test-kafka", "--period", "week"]);
    await t.exo(["dbaas", "metrics", "test-kafka", "--period", ""]);
    expect(sentBodies()).toEqual([{ period: "hour" }, { period: "week" }, {}]);
  });

  it("no metrics in the response prints null; an unknown service exo's not-found message", async () => {
    await t.can("POST", METRICS_PATH, {});
    expect(await t.exo(["dbaas", "metrics", "test-kafka"])).toEqual(ok("null\n"));
    expect(await t.exo(["dbaas", "metrics", "nope"])).toEqual({ exitCode: 1, stdout: "", stderr: 'error: resource not found in zone "de-muc-1"\n' });
  });
});
