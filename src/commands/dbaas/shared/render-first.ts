// Output rendered before a command changes anything: a template that fails on the data (not only
// one that does not parse) then leaves everything as it was, the files the command writes included.
import type { CommandContext } from "../../../context.js";
import { fixedOutput, type FixedOutput, type OutputModel } from "../../../output/model.js";

/** What main.ts would print for `model`, rendered now; throws the template's error as main.ts would. */
export async function renderFirst(ctx: CommandContext, model: OutputModel): Promise<FixedOutput> {
  const [{ render }, format] = await Promise.all([import("../../../output/render.js"), ctx.outputFormat()]);
  return fixedOutput(render(model, { format, template: ctx.globals.outputTemplate, isTTY: ctx.io.stdoutIsTTY }));
}
