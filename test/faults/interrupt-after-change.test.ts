// Ctrl-C or SIGTERM once a change was sent cannot take it back: every command that sends one says
// so, with its exit code unchanged, and names a command that runs as printed to see how it ended.
// An interrupt before the change is sent, or during a read sent as POST/PUT, stays `context canceled`.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { CliError, ExitCode } from "../../src/errors.js";
import { runCli } from "../helpers/run-cli.js";
import { cliEnv, COMMAND_CASES, SERVICE, setupClient, ZONE } from "./commands.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true, operationDelayMs: 10_000, rebuildDelayMs: 0 });
});
afterAll(() => emulator?.close());

const SENT = "the change was sent and may still complete; check with ";
const ctrlC = () => Object.assign(new Error("context canceled"), { name: "AbortError" });
// reads the API takes as POST or PUT
const isRead = (path: string) => /\/(password\/reveal|dbaas-service-logs|dbaas-service-metrics)\b/.test(path);

/** Runs the command with every POST, PUT and DELETE answered late, interrupting it once the first one arrives. */
async function interruptedAtFirstWrite(argv: string[], reason: () => Error = ctrlC) {
  for (const method of ["POST", "PUT", "DELETE"]) emulator.faults.inject({ kind: "slow", delayMs: 10_000, method, count: 1 });
  emulator.clearRequests();
  const controller = new AbortController();
  let write: { method: string; path: string } | undefined;
  const watch = setInterval(() => {
    write = emulator.requests().find((r) => r.method !== "GET");
    if (write) controller.abort(reason());
  }, 2);
  try {
    const result = await runCli(argv, { env: cliEnv(emulator), cwd: "/", signal: controller.signal });
    return { result, write };
  } finally {
    clearInterval(watch);
    emulator.faults.clear();
  }
}

it("Ctrl-C during `update -f` after the PUT was sent: says so, exit 1, with the command that shows the service", async () => {
  const { result, write } = await interruptedAtFirstWrite(["dbaas", "update", SERVICE, "-f", "--kafka-ip-filter", "10.2.0.0/16"]);
  expect(write?.method).toBe("PUT");
  expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: context canceled: ${SENT}exo dbaas show ${SERVICE} -z ${ZONE}\n` });
});

it("SIGTERM after the change was sent keeps its own line and exit code 143", async () => {
  const { result } = await interruptedAtFirstWrite(["dbaas", "update", SERVICE, "-f", "--kafka-ip-filter", "10.3.0.0/16"], () => new CliError("terminated", ExitCode.TERMINATED));
  expect(result).toEqual({ exitCode: 143, stdout: "", stderr: `error: terminated: ${SENT}exo dbaas show ${SERVICE} -z ${ZONE}\n` });
});

it("Ctrl-C during the wait for the operation says the change was sent", async () => {
  const controller = new AbortController();
  const watch = setInterval(() => {
    if (emulator.requests().some((r) => r.method === "GET" && r.path.includes("/operation/"))) controller.abort(ctrlC());
  }, 2);
  emulator.clearRequests();
  const result = await runCli(["dbaas", "acl", "create", SERVICE, "--username", "app", "--topic", "waited", "--permission", "read"], {
    env: cliEnv(emulator),
    cwd: "/",
    signal: controller.signal,
  });
  clearInterval(watch);
  expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: context canceled: ${SENT}exo dbaas acl list ${SERVICE} -z ${ZONE}\n` });
});

it("Ctrl-C before the change is sent stays `context canceled`", async () => {
  emulator.faults.inject({ kind: "slow", delayMs: 20_000, method: "GET", count: 10 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(ctrlC()), 150);
  const result = await runCli(["dbaas", "update", SERVICE, "-f", "--kafka-ip-filter", "10.4.0.0/16"], { env: cliEnv(emulator), cwd: "/", signal: controller.signal });
  emulator.faults.clear();
  expect(result).toEqual({ exitCode: 1, stdout: "", stderr: "error: context canceled\n" });
});

it.each(COMMAND_CASES.map((c) => [c.name, c] as const))("%s", async (_, commandCase) => {
  const argv = await commandCase.prepare(setupClient(emulator));
  const { result, write } = await interruptedAtFirstWrite(argv);
  if (write === undefined) return; // sends nothing but reads
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toBe("");
  if (isRead(write.path)) {
    expect(result.stderr).toMatch(/(^|\n)error: context canceled\n$/);
    return;
  }
  const line = result.stderr.match(/(?:^|\n)error: context canceled: (.*)\n$/)?.[1] ?? "";
  expect(line.startsWith(SENT)).toBe(true);
  // the check runs as printed: its words are plain here, so splitting on spaces is what a shell does
  const check = line.slice(SENT.length);
  expect(check).toMatch(/^exo dbaas [\w .@-]+$/);
  const checked = await runCli(check.split(" ").slice(1), { env: cliEnv(emulator), cwd: "/" });
  if (checked.exitCode !== 0) expect(checked.stderr).toMatch(/not found/);
});
