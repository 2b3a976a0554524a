// The `exo` executable: the only module that touches the process.
import type { Interface } from "node:readline";
import { isatty } from "node:tty";
import { run } from "./main.js";
import type { IO } from "./io.js";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort(Object.assign(new Error("context canceled"), { name: "AbortError" })));

let reader: Interface | undefined;
let lines: AsyncIterator<string> | undefined;
const io: IO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  // isatty, not process.stdin.isTTY: reading process.stdin (or stderr) sets up a stream, which costs
  // milliseconds of start-up that a command never reading it should not pay
  stdoutIsTTY: isatty(1),
  stderrIsTTY: isatty(2),
  stdinIsTTY: isatty(0),
  env: process.env,
  cwd: process.cwd(),
  readLine: async () => {
    // loaded on first use: most commands never read stdin
    reader ??= (await import("node:readline")).createInterface({ input: process.stdin, terminal: false });
    lines ??= reader[Symbol.asyncIterator]();
    const next = await lines.next();
    return next.done ? undefined : next.value;
  },
  signal: controller.signal,
};

// No top-level await: the CLI is bundled as CommonJS (see src/launcher.ts).
void run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
  reader?.close();
});
