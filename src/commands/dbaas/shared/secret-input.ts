// A secret read from a file or from stdin (`-`), for the `--…-file` flags: at most 64 KiB, UTF-8,
// and a FIFO with no writer, a terminal or an endless device gives way to Ctrl-C and SIGTERM.
import { constants, promises as fs } from "node:fs";
import { Socket } from "node:net";
import { resolve } from "node:path";
import { isatty, ReadStream } from "node:tty";
import type { CommandContext } from "../../../context.js";
import { InputError } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { readLimited } from "../../../read-limited.js";

export const MAX_SECRET_BYTES = 64 * 1024;
const CHUNK = 16 * 1024;

/** The text of `--FLAG PATH` (`-` for stdin). @throws InputError when unreadable, too large or not UTF-8 */
export async function readSecretInput(ctx: CommandContext, flag: string, path: string): Promise<string> {
  const where = `--${flag} ${goQuote(path)}`;
  let bytes: Buffer;
  try {
    bytes = path === "-" ? await readStdin(ctx) : await readPath(resolve(ctx.io.cwd, path), ctx.io.signal);
  } catch (error) {
    if (ctx.io.signal?.aborted && error === ctx.io.signal.reason) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${where}${code ? `: ${code}` : ""}`);
  }
  if (bytes.length > MAX_SECRET_BYTES) throw new InputError(`${where}: larger than 64 KiB`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${where}: not UTF-8 text`);
  }
}

async function readStdin(ctx: CommandContext): Promise<Buffer> {
  return ctx.io.readInput ? ctx.io.readInput(MAX_SECRET_BYTES, ctx.io.signal) : Buffer.alloc(0);
}

/**
 * Opened without blocking (a FIFO without a writer would hold the whole process in open()); a
 * FIFO, socket or terminal is then read as a stream that an interrupt can end, anything else in chunks.
 */
async function readPath(path: string, signal: AbortSignal | undefined): Promise<Buffer> {
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const stat = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (stat.isFIFO() || stat.isSocket()) {
    // the socket owns the descriptor from here on, and closes it
    return readLimited(new Socket({ fd: handle.fd, readable: true, writable: false }), MAX_SECRET_BYTES, signal);
  }
  if (stat.isCharacterDevice() && isatty(handle.fd)) {
    // a terminal (/dev/tty): what is typed up to end of input (Ctrl-D); the stream owns the descriptor
    return readLimited(new ReadStream(handle.fd), MAX_SECRET_BYTES, signal);
  }
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    while (size <= MAX_SECRET_BYTES) {
      signal?.throwIfAborted();
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK), 0, CHUNK, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
