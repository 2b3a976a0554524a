// The built CLI writes its output straight to the descriptor; these are the cases where that alone
// would not do: a non-blocking pipe that fills up, and a reader that goes away.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, emulatorEnv, ensureBuilt } from "../helpers/built-cli.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";

const BIG = 300_000; // several times a pipe's 64 KiB buffer
const template = `{{printf "%0${BIG}d" 7}}`;

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  await ensureBuilt();
  emulator = await startEmulator({ port: 0, seed: true });
  env = emulatorEnv(emulator, { EXOSCALE_ZONE: "de-muc-1" });
}, 120_000);
afterAll(() => emulator?.close());

const showArgs = [CLI, "dbaas", "show", "test-kafka", "--output-template", template];

describe("output written to the descriptor", () => {
  it("arrives whole through a non-blocking pipe whose reader starts late", async () => {
    // Python hands the CLI a pipe with O_NONBLOCK set and reads only after a pause, so the CLI's
    // direct writes hit EAGAIN and the rest must go through the stream.
    const script = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(0.5)
data = b""
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    data += chunk
code = p.wait()
sys.stdout.write(f"{code} {len(data)} {data == b'0' * ${BIG - 1} + b'7'} {p.stderr.read()!r}")
`;
    const { stdout } = await promisify(execFile)("python3", ["-c", script, process.execPath, ...showArgs], { env });
    expect(stdout).toBe(`0 ${BIG} True b''`);
  });

  it("stops quietly when the reader goes away (exo … | head -c 10)", async () => {
    const child = spawn(process.execPath, showArgs, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    const first = await new Promise<Buffer>((resolve) => child.stdout.once("data", resolve));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(first.subarray(0, 10).toString()).toBe("0000000000");
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
