// exo help exit-codes: what each exit code means. The README's table is checked against this one.
import { ExitCode } from "../errors.js";
import { defineTopic } from "./define.js";
import { helpTable } from "./help-table.js";

export const EXIT_CODES: ReadonlyArray<readonly [ExitCode, string]> = [
  [ExitCode.OK, 'success (also: a confirmation answered "no")'],
  [ExitCode.FAILURE, "any failure exo also reports: usage, configuration, API or network error, failed operation, invalid input; also Ctrl-C"],
  [ExitCode.OPERATION_TIMEOUT, "an operation was still pending when `--wait-timeout` expired (the change may still happen)"],
  [ExitCode.CREDENTIALS_EXPIRED, "`credentials check`: the certificate has expired or expires within `--min-days` days"],
  [ExitCode.CONNECTION_FAILED, "`credentials check --connect`: a bootstrap address failed; `dbaas kafka`: no broker answered, the TLS handshake or the authentication failed"],
  [ExitCode.HANGUP, "ended by SIGHUP"],
  [ExitCode.TERMINATED, "ended by SIGTERM"],
];

export default defineTopic({
  description: `A command exits with one of these codes. Every failure exo reports exits 1, as
with exo; the other codes are for conditions exo does not have.

${helpTable(EXIT_CODES.map(([code, meaning]) => [String(code), meaning.replaceAll("`", "")]))}
Ctrl-C, SIGTERM or SIGHUP stop the command's request, wait or prompt with one
line: "error: context canceled" (exit 1), "error: terminated" (143) or "error:
hangup" (129). Once a change was sent, the line says so and names the command
that shows how it ended: "the change was sent and may still complete; check
with exo dbaas show NAME -z ZONE".`,
});
