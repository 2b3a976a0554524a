// --client and --auth of `credentials download` and `user rotate`: which client configurations to write
// beside the PEM files, and building them from the service (bootstrap addresses, SASL password).
import type { ApiClient } from "../../../api/client.js";
import { revealKafkaUserSecrets } from "../../../api/dbaas.js";
import { bootstrapAddresses, type ClientAuth } from "../../../kafka/clients/bootstrap.js";
import { clientConfigEntries, clientFileNames, clientFilePlace, javaFileNames, parseClientAuth, parseClientKinds, type ClientKind, type FileEntry } from "../../../kafka/clients/entries.js";
import { reusableKeyStore } from "../../../kafka/clients/existing-keystore.js";
import type { CredentialsFiles, VerifiedCredentials } from "../../../kafka/credentials/index.js";
import { InputError } from "../../../kafka/validation/index.js";
import { flag } from "../../define.js";
import { fetchKafkaService } from "./service.js";

export const clientFlags = {
  client: flag.list("client", { description: "also write configuration for these clients (comma-separated): java, librdkafka, env" }),
  auth: flag.string("auth", { description: 'authentication of the client configuration: "certificate" (default) or "sasl"' }),
};

export interface ClientRequest {
  kinds: ClientKind[];
  auth: ClientAuth;
}

/**
 * The --client/--auth request, or undefined without --client; an empty --client and --auth alone would be
 * ignored, so they are refused. `flagsSet`: the flags given on the command line.
 */
export function parseClientRequest(opts: { client: string[]; auth?: string }, flagsSet: ReadonlySet<string>): ClientRequest | undefined {
  const kinds = parseClientKinds(opts.client);
  if (kinds.length === 0 && flagsSet.has("client")) throw new InputError(`invalid --client "": expected a comma-separated list of java, librdkafka, env`);
  if (kinds.length === 0) {
    if (opts.auth !== undefined) throw new InputError("--auth applies to the client configurations: give --client too");
    return undefined;
  }
  return { kinds, auth: parseClientAuth(opts.auth ?? "certificate") };
}

/** Where a user's client files go. */
export interface ClientFilesPlace {
  username: string;
  cwd: string;
  dir?: string;
}

export interface ClientFilesContext extends ClientFilesPlace {
  client: ApiClient;
  name: string;
  zone: string;
}

/** The client files `request` writes, as printed, known before any request. */
export function clientFileDisplays(place: ClientFilesPlace, request: ClientRequest): string[] {
  return clientFileNames(request.kinds, request.auth, place.username).map((name) => clientFilePlace(place.cwd, place.dir, name).display);
}

/** The configuration files for `request`, pointing at the PEM files `files`. */
export async function clientFileEntries(
  ctx: ClientFilesContext,
  request: ClientRequest | undefined,
  files: CredentialsFiles,
  credentials: VerifiedCredentials,
): Promise<FileEntry[]> {
  if (!request) return [];
  const service = await fetchKafkaService(ctx.client, ctx.name, ctx.zone);
  const bootstrap = bootstrapAddresses(service, ctx.name, ctx.zone, request.auth);
  const password = request.auth === "sasl" ? (await revealKafkaUserSecrets(ctx.client, ctx.name, ctx.username)).password : undefined;
  const java = javaFileNames(ctx.username);
  const reuseKeyStore =
    request.kinds.includes("java") && request.auth === "certificate"
      ? await reusableKeyStore(
          clientFilePlace(ctx.cwd, ctx.dir, java.properties).path,
          clientFilePlace(ctx.cwd, ctx.dir, java.keyStore).path,
          credentials.key,
          credentials.certificate,
        )
      : undefined;
  return clientConfigEntries({
    kinds: request.kinds,
    reuseKeyStore,
    settings: {
      auth: request.auth,
      bootstrap,
      username: ctx.username,
      password,
      caPath: files.ca.absolute,
      certPath: files.cert.absolute,
      keyPath: files.key.absolute,
    },
    credentials,
    cwd: ctx.cwd,
    dir: ctx.dir,
  });
}
