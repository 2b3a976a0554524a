// A broken --output-template fails before any API request (exo would only find out when printing).
// program.ts calls this before a command runs when the command declares its output `templated`; views
// that ignore templates (ca-certificate, show --uri/--settings, --dry-run, ...) and `dbaas list`
// (exo warns and prints `{{.}}` rows) do not.
import type { CommandContext } from "../context.js";
import { CliError } from "../errors.js";

/** Parses the --output-template, if any; throws exo's "unable to encode" error when it does not parse. */
export async function parseOutputTemplateFirst(ctx: CommandContext): Promise<void> {
  const source = ctx.globals.outputTemplate;
  if (!source) return;
  const { parseOutputTemplate } = await import("../output/render.js");
  try {
    parseOutputTemplate(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`unable to encode output in plaintext using template: ${message}`);
  }
}
