// The flags every `dbaas kafka` command shares, and the connection they describe: the service's
// bootstrap addresses for the authentication method, the CA and the user's certificate and key (or
// password) fetched through the API into memory, or read from the files `credentials download` wrote.
import type { ApiClient } from "../../../../api/client.js";
import { getCaCertificate, revealKafkaUserSecrets } from "../../../../api/dbaas.js";
import type { KafkaService } from "../../../../api/schemas.js";
import { parseDurationFlag } from "../../../../go/pflag.js";
import type { CommandContext } from "../../../../context.js";
import { CliError } from "../../../../errors.js";
import { goQuote } from "../../../../go/quote.js";
import { bootstrapAddresses, parseClientAuth } from "../../../../kafka/clients/bootstrap.js";
import { credentialsFiles } from "../../../../kafka/credentials/files.js";
import { readLocal } from "../../credentials/read-local.js";
import type { KafkaConnection } from "../../../../kafka/protocol/connection.js";
import { KafkaSession, type FirstClient } from "../../../../kafka/protocol/session.js";
import { InputError, validateUsername } from "../../../../kafka/validation/index.js";
import { flag, zoneFlag, type InferOptions } from "../../../define.js";
import { requireUser } from "../../shared/service-user.js";
import { fetchKafkaService } from "../../shared/service.js";
import { allInOrder } from "../../shared/settle.js";
import { DEFAULT_USER, fetchUserCredentials } from "../../shared/user-credentials.js";

/** The host names the emulator announces for a service without a real broker behind it. */
const EMULATOR_FAKE_HOST = /\.exoscale-emulator\.local$/;

export const connectionFlags = () => ({
  user: flag.string("user", { default: DEFAULT_USER, description: "user whose credentials connect" }),
  auth: flag.string("auth", { default: "certificate", description: '"certificate" (mTLS) or "sasl" (SCRAM-SHA-256 with the user\'s password)' }),
  dir: flag.string("dir", { names: "directory", description: "use the CA, certificate and key files credentials download wrote in DIR instead of fetching them" }),
  connectTimeout: flag.string("connect-timeout", { default: "10s", description: "how long to wait for a broker to answer" }),
  zone: zoneFlag("Database Service zone"),
});

export type ConnectionOptions = InferOptions<ReturnType<typeof connectionFlags>>;

/** The flags' values, checked before any request. */
export function checkConnectionFlags(opts: ConnectionOptions) {
  const username = validateUsername(opts.user);
  const auth = parseClientAuth(opts.auth);
  const connectTimeoutMs = parseDurationFlag(opts.connectTimeout, "--connect-timeout");
  if (connectTimeoutMs <= 0) throw new InputError(`invalid --connect-timeout ${goQuote(opts.connectTimeout)}: must be a positive duration such as 10s`);
  return { username, auth, connectTimeoutMs };
}

function announcedByEmulator(service: KafkaService): boolean {
  return (service.components ?? []).some((c) => c.component === "kafka" && EMULATOR_FAKE_HOST.test(c.host));
}

async function credentials(client: ApiClient, ctx: CommandContext, name: string, zone: string, service: KafkaService, opts: ConnectionOptions, checked: ReturnType<typeof checkConnectionFlags>) {
  const { username, auth } = checked;
  requireUser(service, name, username);
  const password = async () => (await revealKafkaUserSecrets(client, name, username)).password ?? "";
  if (opts.dir !== undefined) {
    const files = credentialsFiles(ctx.io.cwd, username, { dir: opts.dir });
    const place = { name, zone, username, dir: opts.dir };
    const ca = await readLocal(files.ca, place);
    if (auth === "sasl") return { ca, sasl: { username, password: await password() } };
    const [cert, key] = await Promise.all([readLocal(files.cert, place), readLocal(files.key, place)]);
    return { ca, cert, key };
  }
  if (auth === "sasl") {
    const [ca, secret] = await allInOrder([getCaCertificate(client), password()]);
    return { ca: ca.certificate, sasl: { username, password: secret } };
  }
  return fetchUserCredentials(client, name, zone, username);
}

/** The connection the flags describe, its secrets in memory only. */
export async function resolveConnection(ctx: CommandContext, name: string, opts: ConnectionOptions): Promise<KafkaConnection> {
  const checked = checkConnectionFlags(opts);
  const zone = await ctx.zone(opts.zone);
  const client = await ctx.client(zone);
  const service = await fetchKafkaService(client, name, zone);
  if (announcedByEmulator(service)) {
    throw new CliError(
      `service ${goQuote(name)} has no Kafka broker: the emulator runs without one; start it with exo-emulator --kafka real (or npm run emulator -- --kafka real)`,
    );
  }
  const addresses = bootstrapAddresses(service, name, zone, checked.auth);
  const secrets = await credentials(client, ctx, name, zone, service, opts, checked);
  return { service: name, zone, username: checked.username, addresses, connectTimeoutMs: checked.connectTimeoutMs, ...secrets };
}

/** Resolves the connection, opens a session (connecting with `first`, the admin client unless said) and runs `work` in it. */
export async function withKafka<T>(ctx: CommandContext, name: string, opts: ConnectionOptions, work: (session: KafkaSession) => Promise<T>, first?: FirstClient): Promise<T> {
  const connection = await resolveConnection(ctx, name, opts);
  return KafkaSession.with(connection, work, { signal: ctx.io.signal, onChangeSent: () => ctx.changeSent() }, first);
}
