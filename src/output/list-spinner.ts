// `exo dbaas list`'s spinner: one braille glyph on stderr, redrawn every 100 ms while the zones are
// asked and erased before the output. Only when stderr is a terminal, never with -Q.
import type { IO } from "../io.js";
import { spin } from "../progress.js";

export async function withListSpinner<T>(ctx: { io: Pick<IO, "stderr" | "stderrIsTTY">; globals: { quiet?: boolean } }, task: () => Promise<T>): Promise<T> {
  if (!ctx.io.stderrIsTTY || ctx.globals.quiet) return task();
  const stop = spin(ctx.io.stderr, (glyph) => glyph, 100);
  try {
    return await task();
  } finally {
    stop();
  }
}
