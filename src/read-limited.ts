// Reading a secret's source (a file, a FIFO, stdin) that may never end or never start: at most a
// limit, and never past an interrupt.
import type { Readable } from "node:stream";

/**
 * The stream's bytes, at most `maxBytes + 1` (one more tells the caller it was too long). The
 * stream is destroyed at its end, at the limit, or at once when `signal` aborts (the read then
 * rejects with the signal's reason), so nothing is left holding the process open.
 */
export function readLimited(stream: Readable, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      signal?.removeEventListener("abort", onAbort);
      stream.destroy();
      if (error !== undefined) reject(error);
      else resolve(Buffer.concat(chunks).subarray(0, maxBytes + 1));
    };
    const onAbort = () => finish(signal!.reason);
    stream.on("data", (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      if (size > maxBytes) finish();
    });
    stream.on("end", () => finish());
    stream.on("error", (error) => finish(error));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
