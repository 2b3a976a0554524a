// The operation lifecycle of external endpoint changes: pending operations are waited for, and
// --wait-timeout gives up with exit code 3 while the change may still complete.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openSession, type Session } from "../../../helpers/session.js";
import { ID_LINE } from "../../../helpers/endpoint-session.js";

let s: Session;
beforeAll(async () => {
  s = await openSession({ operationDelayMs: 600 });
});
afterAll(() => s.emulator.close());

const PROM = ["--prometheus-basic-auth-username", "scraper"];

it("create waits for the pending operation, polling it, then shows the endpoint", async () => {
  const started = Date.now();
  const r = await s.exo(["dbaas", "external-endpoint", "create", "prometheus", "slow", ...PROM]);
  expect(r.exitCode).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  expect(r.stdout).toMatch(ID_LINE);
  const polls = s.emulator.requests().filter((q) => q.method === "GET" && q.path.startsWith("/v2/operation/"));
  expect(polls.length).toBeGreaterThanOrEqual(1);
});

it("--wait-timeout shorter than the operation: exit 3, nothing on stdout, the change still happens", async () => {
  const r = await s.exo(["dbaas", "external-endpoint", "create", "prometheus", "late", ...PROM, "--wait-timeout", "100ms"]);
  expect(r.exitCode).toBe(3);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/the change may still complete, check with: exo dbaas external-endpoint list\n/);
  const list = await s.exo(["dbaas", "external-endpoint", "list", "-O", "json"]);
  expect(list.stdout).toContain('"name":"late"');
});
