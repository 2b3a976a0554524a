// --client and --auth of `credentials download` and `user rotate`: which client configurations to write
// beside the PEM files, and building them from the service (bootstrap addresses, SASL password).
import type { ApiClient } from "../../../api/client.js";
import { revealKafkaUserSecrets } from "../../../api/dbaas.js";
import { bootstrapAddresses, type BootstrapAddress, type ClientAuth } from "../../../kafka/clients/bootstrap.js";
import {
  clientConfigEntries,
  clientFileNames,
  clientFilePlace,
  javaFileNames,
  ownClientFileNames,
  parseClientAuth,
  parseClientKinds,
  TRUST_STORE_FILE,
  type ClientKind,
  type FileEntry,
} from "../../../kafka/clients/entries.js";
import { envFile, javaProperties, librdkafkaConf, type ClientSettings } from "../../../kafka/clients/formats.js";
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

/** The settings of `username`'s configurations, pointing at the PEM files `files`. */
const settingsOf = (username: string, auth: ClientAuth, bootstrap: BootstrapAddress[], files: CredentialsFiles, password?: string): ClientSettings => ({
  auth,
  bootstrap,
  username,
  password,
  caPath: files.ca.absolute,
  certPath: files.cert.absolute,
  keyPath: files.key.absolute,
});

/**
 * Before a user exists (user rotate, before creating NEW): the service has addresses for the method (SASL
 * enabled), and each configuration can hold them and the files' paths (kcat's line length). Only the
 * password, not known yet, is left to check when the files are made.
 */
export async function checkClientFiles(ctx: ClientFilesContext, request: ClientRequest, files: CredentialsFiles): Promise<void> {
  const service = await fetchKafkaService(ctx.client, ctx.name, ctx.zone);
  const settings = settingsOf(ctx.username, request.auth, bootstrapAddresses(service, ctx.name, ctx.zone, request.auth), files, "password");
  const display = (name: string) => clientFilePlace(ctx.cwd, ctx.dir, name).display;
  const java = javaFileNames(ctx.username);
  const store = { path: clientFilePlace(ctx.cwd, ctx.dir, java.keyStore).path, password: "password" };
  for (const kind of request.kinds) {
    const name = ownClientFileNames([kind], ctx.username)[0]!.name;
    if (kind === "java") javaProperties(settings, { trustStore: { ...store, path: clientFilePlace(ctx.cwd, ctx.dir, TRUST_STORE_FILE).path }, keyStore: store }, display(name));
    else if (kind === "librdkafka") librdkafkaConf(settings, display(name));
    else envFile(settings, display(name));
  }
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
    settings: settingsOf(ctx.username, request.auth, bootstrap, files, password),
    credentials,
    cwd: ctx.cwd,
    dir: ctx.dir,
  });
}
