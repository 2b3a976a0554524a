// The write commands through the built executable (dist/cli.cjs), stdin a pipe as in scripts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runBuilt } from "../helpers/built-cli.js";
import { openSession, type Session } from "../helpers/session.js";

let s: Session;
beforeAll(async () => {
  await ensureBuilt();
  s = await openSession();
}, 120_000);
afterAll(() => s?.emulator.close());

const exo = (args: string[]) => runBuilt(args, { env: s.env, timeoutMs: 20_000 });

describe("node dist/cli.cjs dbaas update/delete", () => {
  it("without -f and with stdin not a terminal: refuses at once, sends nothing", async () => {
    s.emulator.clearRequests();
    const result = await exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth", "true"]);
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: refusing to update "test-kafka" without confirmation: stdin is not a terminal; pass -f/--force\n',
    });
    expect(s.sent()).toEqual([]);
  });

  it("the seed's command with -f: PUT, progress on stderr, the service on stdout", async () => {
    s.emulator.clearRequests();
    const result = await exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-enable-sasl-auth", "true", "-f"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^✔ Updating Database Service "test-kafka"\.\.\. \d+s\n$/);
    expect(result.stdout).toContain("| Authentication Methods  | certificate, SASL");
    expect(s.sent()).toEqual(['PUT /v2/dbaas-kafka/test-kafka {"authentication-methods":{"sasl":true}}']);
  });

  it("--dry-run prints the body only", async () => {
    s.emulator.clearRequests();
    const result = await exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--kafka-ip-filter=1.2.3.4/32,5.6.7.8/24", "--dry-run"]);
    expect(result).toEqual({ exitCode: 0, stdout: '{"ip-filter":["1.2.3.4/32","5.6.7.8/24"]}\n', stderr: "" });
    expect(s.sent()).toEqual([]);
  });

  it("delete of a protected service: the API's error and the command that lifts the protection, exit 1", async () => {
    await exo(["dbaas", "update", "-z", "de-muc-1", "test-kafka", "--termination-protection", "-f", "-Q"]);
    const result = await exo(["dbaas", "delete", "test-kafka", "-z", "de-muc-1", "-f"]);
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "error: Forbidden: Service is protected against termination and shutdown. Remove termination protection first." +
        " To turn it off: exo dbaas update test-kafka -z de-muc-1 --termination-protection=false\n",
    });
  });
});
