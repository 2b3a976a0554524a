// Progress on stderr around long operations, like exo's spinner: animated on a terminal, one
// final line otherwise, nothing at all with --quiet.

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface ProgressOptions {
  write: (text: string) => void;
  isTTY: boolean;
  quiet: boolean;
  now?: () => number;
}

/** Runs `task` while showing `message... <elapsed>` on stderr; `✔` marks completion. */
export async function withProgress<T>(options: ProgressOptions, message: string, task: () => Promise<T>): Promise<T> {
  if (options.quiet) return task();
  const now = options.now ?? Date.now;
  const start = now();
  const line = (glyph: string) => `${glyph} ${message} ${formatElapsed(now() - start)}`;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  if (options.isTTY) {
    options.write(`\r${line(FRAMES[0]!)}`);
    timer = setInterval(() => options.write(`\r\x1b[K${line(FRAMES[++frame % FRAMES.length]!)}`), 150);
    timer.unref?.();
  }
  try {
    const result = await task();
    options.write(options.isTTY ? `\r\x1b[K${line("✔")}\n` : `${line("✔")}\n`);
    return result;
  } catch (error) {
    if (options.isTTY) options.write(`\r\x1b[K`);
    throw error;
  } finally {
    clearInterval(timer);
  }
}

/** Go's elapsed-time style: 0s, 12s, 1m2s, 1h0m3s. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ""}${h || m ? `${m}m` : ""}${s}s`;
}
