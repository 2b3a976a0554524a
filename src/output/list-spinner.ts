// `exo dbaas list`'s spinner: one braille glyph on stderr, redrawn every 100 ms while the zones are
// asked and erased before the output. Only when stderr is a terminal, never with -Q.
import type { CommandContext } from "../context.js";

const FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
const ERASE = "\r\x1b[K";

export async function withListSpinner<T>(ctx: Pick<CommandContext, "io" | "globals">, task: () => Promise<T>): Promise<T> {
  if (!ctx.io.stderrIsTTY || ctx.globals.quiet) return task();
  const frames = [...FRAMES];
  let frame = 0;
  ctx.io.stderr(`\r${frames[0]}`);
  const timer = setInterval(() => ctx.io.stderr(`${ERASE}${frames[++frame % frames.length]}`), 100);
  timer.unref?.();
  try {
    return await task();
  } finally {
    clearInterval(timer);
    ctx.io.stderr(ERASE);
  }
}
