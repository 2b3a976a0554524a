// What the mutating commands share: asking before a change, and waiting for the operation it starts.
import type { ApiClient } from "../../../api/client.js";
import { OperationTimeoutError } from "../../../api/operation.js";
import type { Operation } from "../../../api/schemas.js";
import { parseDurationFlag } from "../../../go/pflag.js";
import type { CommandContext } from "../../../context.js";
import { CliError, ExitCode } from "../../../errors.js";
import { InputError } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { exoCommand, shellCommand } from "../../../output/shell-word.js";
import { flag } from "../../define.js";

/** `-f/--force`: change without asking (see `confirms` in src/commands/define.ts). */
export const forceFlag = (description = "don't prompt for confirmation") => flag.bool("force", { short: "f", description });

/** `--wait-timeout`: how long to wait for the operation; 0 (the default) waits as long as it takes, as exo does. */
export const waitTimeoutFlag = () =>
  flag.string("wait-timeout", {
    valueName: "duration",
    default: "0",
    description: "stop waiting for the operation after this long (e.g. 10m), exiting with code 3; 0 waits until it ends",
  });

/** The `--wait-timeout` value in milliseconds (0 = no limit). */
export function parseWaitTimeout(raw: string): number {
  const ms = parseDurationFlag(raw, "--wait-timeout");
  if (ms < 0) throw new InputError(`invalid --wait-timeout ${goQuote(raw)}: must be 0 (no limit) or a positive duration such as 10m`);
  return ms;
}

/**
 * Waits for the operation behind a spinner (`<message> <elapsed>` on stderr). Giving up after
 * `timeoutMs` is exit code 3, with a message saying the change may still happen and the command
 * that shows it: the command's declared `changeCheck`, or `check` (the words after `exo`) for a
 * step whose outcome another command shows.
 */
export async function awaitOperation(
  ctx: CommandContext,
  client: ApiClient,
  op: Operation,
  message: string,
  timeoutMs: number,
  check?: readonly string[],
): Promise<Operation> {
  try {
    return await ctx.progress(message, () => ctx.waitForOperation(client, op, { timeoutMs }));
  } catch (error) {
    if (error instanceof OperationTimeoutError) {
      const line = check ? exoCommand(check) : shellCommand(ctx.changeCheck() ?? ["exo"]);
      throw new CliError(`${error.message}; the change may still complete, check with: ${line}`, ExitCode.OPERATION_TIMEOUT);
    }
    throw error;
  }
}
