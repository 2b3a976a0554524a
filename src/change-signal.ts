// An interrupt (Ctrl-C, SIGTERM, SIGHUP) cannot take back a change already sent to the API: once
// one is on its way, the interrupt's line says so and names the command that shows how it ended.
import { CliError, ExitCode } from "./errors.js";
import { shellCommand } from "./output/shell-word.js";

/** The interrupt of a command whose change was sent: the interrupt's own line and exit code, and what to run. */
export class ChangeInterruptedError extends CliError {
  constructor(reason: unknown, check: readonly string[] | undefined) {
    const interrupt = reason instanceof Error ? reason.message : "context canceled";
    const advice = check ? `; check with ${shellCommand(check)}` : "";
    super(`${interrupt}: the change was sent and may still complete${advice}`, reason instanceof CliError ? reason.exitCode : ExitCode.FAILURE);
    this.name = "ChangeInterruptedError";
  }
}

export interface ChangeSignal {
  /** follows the process's interrupt; its reason is a ChangeInterruptedError once a change was sent */
  readonly signal: AbortSignal | undefined;
  /** a change was handed to the network, through a client of this zone */
  sent(zone: string): void;
}

/** `check(zone)`: the command line that shows the outcome of the change sent to the zone. */
export function changeSignal(interrupt: AbortSignal | undefined, check?: (zone: string) => readonly string[]): ChangeSignal {
  if (!interrupt) return { signal: undefined, sent: () => undefined };
  const controller = new AbortController();
  let sentTo: string | undefined;
  const forward = () => controller.abort(sentTo === undefined ? interrupt.reason : new ChangeInterruptedError(interrupt.reason, check?.(sentTo)));
  if (interrupt.aborted) forward();
  else interrupt.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    sent: (zone) => {
      sentTo = zone;
    },
  };
}
