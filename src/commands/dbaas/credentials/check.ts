// exo dbaas credentials check NAME --min-days N: the user's certificate expiry; exit code 4 when it
// has expired or expires within N days, so a scheduled job can trigger a rotation. With --connect: the
// downloaded files tried against every bootstrap address (connect-check.ts); exit code 5 when one fails.
import { CliError, ExitCode } from "../../../errors.js";
import { certificateExpiry, parseCertificate } from "../../../kafka/credentials/index.js";
import { InputError, validateUsername } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { credentialsCheckOutput, credentialsCheckView, expiryText } from "../../../kafka/views/credentials-check.js";
import { annotations } from "../../../kafka/views/spec.js";
import { connectCheckView } from "../../../kafka/views/credentials-connect.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { parseClientAuth } from "../../../kafka/clients/entries.js";
import { connectCheck } from "./connect-check.js";
import { DEFAULT_USER, fetchUserCertificate } from "../shared/user-credentials.js";

const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export default defineCommand({
  description: `This command prints when a user's client certificate expires (RFC 3339) and
how many whole days are left. It exits with code 4, printing the same on
stderr, when the certificate has expired or expires within --min-days days.

With --connect it checks instead that the files written by credentials
download (in --dir) work: for each bootstrap address of the --auth method it
resolves the host, connects, completes the TLS handshake with the CA file (and,
for certificate authentication, the user's certificate and key) and sends a
Kafka ApiVersions request. One line per address says ok, or which step failed
and why. It exits with code 5, the lines on stderr, unless every address
works. For SASL it then logs in with SCRAM-SHA-256: with --dir, with the
password of each client configuration of the user there (USER.env,
USER.librdkafka.conf, USER.client.properties), one line per address and
password naming its files, and a file whose password is not the user's current
one fails as stale; without --dir, or with none there, with the password the
API reveals, and the lines say so. For certificates, a client configuration of
the user in --dir that would hand a client another certificate (a Java key
store, a file pointing elsewhere) fails as stale too.

Supported output template annotations: ${annotations(credentialsCheckView)}
(with --connect: ${annotations(connectCheckView)})`,
  args: { name: "service" },
  options: {
    user: flag.string("user", { default: DEFAULT_USER, description: "user whose certificate to check" }),
    minDays: flag.int("min-days", { default: 30, description: "fail (exit code 4) when the certificate expires within this many days" }),
    connect: flag.bool("connect", { description: "connect to every bootstrap address with the downloaded files instead" }),
    auth: flag.string("auth", { description: 'with --connect: "certificate" (default) or "sasl"' }),
    dir: flag.string("dir", { names: "directory", description: "with --connect: directory of the downloaded files (default: the current directory)" }),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas credentials check test-kafka -z de-muc-1
  exo dbaas credentials check test-kafka -z de-muc-1 --user app --min-days 30
  exo dbaas credentials check test-kafka -z de-muc-1 --user app --connect \\
    --dir ./certs
`,
  templated: true,
  async run(ctx, args, opts) {
    const username = validateUsername(opts.user);
    if (opts.minDays < 0) throw new InputError(`invalid --min-days ${opts.minDays}: must be 0 or more`);
    const connectOnly = ["auth", "dir"].find((f) => ctx.flagsSet.has(f));
    if (!opts.connect && connectOnly) throw new InputError(`--${connectOnly} applies to --connect only`);
    if (opts.connect && ctx.flagsSet.has("min-days")) throw new InputError("--min-days does not apply to --connect");
    if (opts.connect) {
      const auth = parseClientAuth(opts.auth ?? "certificate");
      const zone = await ctx.zone(opts.zone);
      const client = await ctx.client(zone);
      return connectCheck({ client, name: args.name, zone, username, auth, cwd: ctx.io.cwd, dir: opts.dir });
    }

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const pem = await fetchUserCertificate(client, args.name, zone, username);
    const expiry = certificateExpiry(parseCertificate(pem, `the certificate of user ${goQuote(username)}`), opts.minDays);
    const shown = { username, expiresAt: rfc3339(expiry.expiresAt), daysLeft: expiry.daysLeft, minDays: opts.minDays };
    const when = expiryText(shown);
    if (expiry.expiresSoon) {
      const state = expiry.daysLeft < 0 || expiry.expiresAt.getTime() <= Date.now() ? "has expired" : `expires within ${opts.minDays} days`;
      throw new CliError(`the certificate of user ${goQuote(username)} ${state}: ${when}`, ExitCode.CREDENTIALS_EXPIRED);
    }
    return credentialsCheckOutput(shown);
  },
});
