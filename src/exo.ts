// The CLI bundle's entry (dist/exo.cjs, started by src/launcher.ts): the only module that touches the process.
import { writeSync } from "node:fs";
import { basename } from "node:path";
import type { Interface } from "node:readline";
import { isatty } from "node:tty";
import { run } from "./main.js";
import type { IO } from "./io.js";
import { CliError, ExitCode } from "./errors.js";
import { readLimited } from "./read-limited.js";

// A signal aborts the command: its requests and waits stop, a file set being written is put back,
// and it exits with one line. A second one of the same kind kills at once.
const controller = new AbortController();
process.once("SIGINT", () => controller.abort(Object.assign(new Error("context canceled"), { name: "AbortError" })));
process.once("SIGTERM", () => controller.abort(new CliError("terminated", ExitCode.TERMINATED)));
process.once("SIGHUP", () => controller.abort(new CliError("hangup", ExitCode.HANGUP)));

/**
 * Writes to a standard descriptor directly: setting up process.stdout costs a short command about a
 * millisecond. A descriptor left non-blocking by another process refuses (EAGAIN) once a pipe is full;
 * from then on the stream, which waits for the reader, takes the rest. A reader gone (EPIPE) ends the
 * writing quietly, as `exo … | head -1` expects.
 */
function descriptorSink(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let state: "direct" | "stream" | "closed" = "direct";
  return (text) => {
    if (state === "stream") stream().write(text);
    if (state !== "direct") return;
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        state = "stream";
        stream().write(bytes.subarray(written));
      } else if (code === "EPIPE") state = "closed";
      else throw error;
    }
  };
}

let reader: Interface | undefined;
let lines: AsyncIterator<string> | undefined;
const io: IO = {
  stdout: descriptorSink(1, () => process.stdout),
  stderr: descriptorSink(2, () => process.stderr),
  // isatty, not process.stdin.isTTY: reading process.stdin (or stderr) sets up a stream, which costs
  // milliseconds of start-up that a command never reading it should not pay; asked on first read, as
  // node:tty is loaded only then (scripts/build.mjs)
  get stdoutIsTTY() {
    return isatty(1);
  },
  get stderrIsTTY() {
    return isatty(2);
  },
  get stdinIsTTY() {
    return isatty(0);
  },
  env: process.env,
  cwd: process.cwd(),
  readLine: async () => {
    // loaded on first use: most commands never read stdin
    reader ??= (await import("node:readline")).createInterface({ input: process.stdin, terminal: false });
    lines ??= reader[Symbol.asyncIterator]();
    const next = await lines.next();
    return next.done ? undefined : next.value;
  },
  readInput: (maxBytes, signal) => readLimited(process.stdin, maxBytes, signal),
  signal: controller.signal,
  // the bin as installed (`exo-dbaas`, `exo`): the completion scripts register this name
  program: basename(process.argv[1] ?? ""),
};

// No top-level await: the CLI is bundled as CommonJS (see src/launcher.ts).
void run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
  reader?.close();
});
