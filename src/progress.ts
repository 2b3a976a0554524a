// Progress on stderr around long operations, like exo's spinner: animated on a terminal, one
// final line otherwise, nothing at all with --quiet.

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const ERASE_LINE = "\r\x1b[K";

/**
 * Draws `render(glyph)` on a terminal line, the glyph turning every `intervalMs`, until the
 * returned stop() erases the line (once, however often it is called).
 */
export function spin(write: (text: string) => void, render: (glyph: string) => string, intervalMs: number): () => void {
  let frame = 0;
  write(`\r${render(FRAMES[0]!)}`);
  const timer = setInterval(() => write(`${ERASE_LINE}${render(FRAMES[++frame % FRAMES.length]!)}`), intervalMs);
  timer.unref?.();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    write(ERASE_LINE);
  };
}

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
  const stop = options.isTTY ? spin(options.write, line, 150) : undefined;
  try {
    const result = await task();
    stop?.();
    options.write(`${line("✔")}\n`);
    return result;
  } finally {
    stop?.();
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
