// exo dbaas credentials check NAME --min-days N: the user's certificate expiry; exit code 4 when it
// has expired or expires within N days, so a scheduled job can trigger a rotation.
import { CliError, ExitCode } from "../../../errors.js";
import { certificateExpiry, parseCertificate } from "../../../kafka/credentials/index.js";
import { field, struct } from "../../../kafka/models/go.js";
import { InputError, goQuote, validateUsername } from "../../../kafka/validation/index.js";
import { objectOutput } from "../../../output/model.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { DEFAULT_USER, fetchUserCertificate } from "../shared/user-credentials.js";

const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

export default defineCommand({
  description: `This command prints when a user's client certificate expires (RFC 3339) and
how many whole days are left. It exits with code 4, printing the same on
stderr, when the certificate has expired or expires within --min-days days.

Supported output template annotations: .Username .ExpiresAt .DaysLeft .MinDays`,
  args: ["name"],
  options: {
    user: flag.string("user", { default: DEFAULT_USER, description: "user whose certificate to check" }),
    minDays: flag.int("min-days", { default: 30, description: "fail (exit code 4) when the certificate expires within this many days" }),
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas credentials check test-kafka -z de-muc-1
  exo dbaas credentials check test-kafka -z de-muc-1 --user app --min-days 30
`,
  templated: true,
  async run(ctx, args, opts) {
    const username = validateUsername(opts.user);
    if (opts.minDays < 0) throw new InputError(`invalid --min-days ${opts.minDays}: must be 0 or more`);

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const pem = await fetchUserCertificate(client, args.name, zone, username);
    const expiry = certificateExpiry(parseCertificate(pem, `the certificate of user ${goQuote(username)}`), opts.minDays);
    const when = `${rfc3339(expiry.expiresAt)} (${expiry.daysLeft} days left)`;
    if (expiry.expiresSoon) {
      const state = expiry.daysLeft < 0 || expiry.expiresAt.getTime() <= Date.now() ? "has expired" : `expires within ${opts.minDays} days`;
      throw new CliError(`the certificate of user ${goQuote(username)} ${state}: ${when}`, ExitCode.CREDENTIALS_EXPIRED);
    }
    const value = struct("*dbaas.dbaasKafkaCertificateExpiryOutput", [
      field("Username", username, "username"),
      field("ExpiresAt", rfc3339(expiry.expiresAt), "expires_at"),
      field("DaysLeft", expiry.daysLeft, "days_left"),
      field("MinDays", opts.minDays, "min_days"),
    ]);
    return objectOutput(value, () => `${when}\n`);
  },
});
