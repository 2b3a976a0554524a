// The process boundary as data: output sinks, terminal flags, environment, working directory.
// exo.ts builds the real one; tests use bufferIO().

export interface IO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** reads one line from stdin (without its newline); undefined at end of input */
  readLine?: () => Promise<string | undefined>;
  /**
   * reads stdin to its end, at most `maxBytes + 1` bytes (one more tells it was longer); rejects
   * with the signal's reason at once when it aborts
   */
  readInput?: (maxBytes: number, signal?: AbortSignal) => Promise<Buffer>;
  /** aborted on SIGINT */
  signal?: AbortSignal;
  /** the name the CLI was started as (the installed bin's file name, `exo` or `exo-dbaas`), when known */
  program?: string;
}

export interface BufferIO {
  io: IO;
  stdout: () => string;
  stderr: () => string;
}

/** An IO that records what is written; stdin answers from `input` lines. */
export function bufferIO(options: Partial<Omit<IO, "stdout" | "stderr">> & { input?: string[] } = {}): BufferIO {
  let out = "";
  let err = "";
  const input = [...(options.input ?? [])];
  const io: IO = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? "/",
    readLine: options.readLine ?? (async () => input.shift()),
    // the input lines, joined by new lines
    readInput: options.readInput ?? (async (maxBytes) => Buffer.from(input.splice(0).join("\n")).subarray(0, maxBytes + 1)),
    signal: options.signal,
    program: options.program,
  };
  return { io, stdout: () => out, stderr: () => err };
}
