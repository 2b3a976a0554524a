// exo dbaas credentials download NAME: the CA, the user's certificate and key as 0600 files,
// written only after checking that the certificate chains to the CA and the key matches it.
import { credentialsFiles, installCredentials, verifyCredentials } from "../../../kafka/credentials/index.js";
import { validateUsername } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { UsageError } from "../../../errors.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { fileSetSteps } from "../shared/file-set-steps.js";
import { renderFirst } from "../shared/render-first.js";
import { credentialsFilesOutput, credentialsFilesWithClientsView } from "../../../kafka/views/credentials-files.js";
import { annotations } from "../../../kafka/views/spec.js";
import { clientFileEntries, clientFileDisplays, clientFlags, parseClientRequest } from "../shared/client-files.js";
import { DEFAULT_USER, fetchUserCredentials } from "../shared/user-credentials.js";

export default defineCommand({
  description: `This command writes the files a Kafka client needs for certificate
authentication: the service's CA certificate, the user's certificate and the
user's private key, each with mode 0600. Nothing is written unless the
certificate is signed by the CA and the key belongs to the certificate. A file
that already holds these credentials is kept, made 0600; a file holding anything
else is an error naming it, and nothing is written, unless --force is given
(a symbolic link is then replaced by the file, its target left alone). The
files change as one set: on any failure or interruption the old ones stay.
The three paths are printed, one per line.

--client java,librdkafka,env also writes, in the same all-or-nothing set and
with absolute paths inside: USER.client.properties with USER.keystore.p12 and
truststore.p12 (PKCS#12, passwords in the properties file only) for Java
clients, USER.librdkafka.conf for kcat -F and confluent-kafka, and USER.env
for the environment (set -a; . USER.env). --auth sasl makes them use SASL_SSL
with SCRAM-SHA-256, the SASL port and the user's password. A value a client
would read back otherwise than written (a password with a line break for Java,
a line over 511 bytes for kcat) is an error naming it. Every path written
is printed; with --client, JSON and templates also get .Files, all of them.

Supported output template annotations: ${annotations(credentialsFilesWithClientsView)}`,
  args: { name: "service" },
  options: {
    user: flag.string("user", { default: DEFAULT_USER, description: "user whose certificate and key to write" }),
    dir: flag.string("dir", { names: "directory", description: "directory to write the files to (default: the current directory)" }),
    caFile: flag.string("ca-file", { description: "CA certificate file name (default ca.pem)" }),
    certFile: flag.string("cert-file", { description: "certificate file name (default USER.cert.pem)" }),
    keyFile: flag.string("key-file", { description: "private key file name (default USER.key.pem)" }),
    force: flag.bool("force", { short: "f", description: "overwrite existing files" }),
    ...clientFlags,
    zone: zoneFlag("Database Service zone"),
  },
  helpFooter: `
Examples:
  exo dbaas credentials download test-kafka -z de-muc-1 --dir ./certs
  exo dbaas credentials download test-kafka -z de-muc-1 --user app \\
    --cert-file client.pem --key-file client.key
  exo dbaas credentials download test-kafka -z de-muc-1 --user app \\
    --dir ./certs --client java,librdkafka,env --auth sasl
`,
  templated: true,
  async run(ctx, args, opts) {
    const username = validateUsername(opts.user);
    const names = { dir: opts.dir, "ca-file": opts.caFile, "cert-file": opts.certFile, "key-file": opts.keyFile };
    for (const [flagName, value] of Object.entries(names)) if (value === "") throw new UsageError(`--${flagName} must not be empty`);
    const files = credentialsFiles(ctx.io.cwd, username, { dir: opts.dir, caFile: opts.caFile, certFile: opts.certFile, keyFile: opts.keyFile });
    const clients = parseClientRequest(opts, ctx.flagsSet);
    const place = { cwd: ctx.io.cwd, dir: opts.dir, username };
    const output = await renderFirst(ctx, credentialsFilesOutput(files, clients && clientFileDisplays(place, clients)));

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const credentials = verifyCredentials(await fetchUserCredentials(client, args.name, zone, username), `user ${goQuote(username)}`);
    const entries = await clientFileEntries({ ...place, client, name: args.name, zone }, clients, files, credentials);
    await installCredentials(files, credentials, opts.force, fileSetSteps(ctx.io), entries);
    return output;
  },
});
