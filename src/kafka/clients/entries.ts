// The configuration files `--client` asks for, as entries for the credentials file set: each with its
// absolute path, the path as printed, its bytes and mode 0600.
import { createHmac, randomBytes } from "node:crypto";
import { isAbsolute, join, resolve } from "node:path";
import type { ExtraEntry } from "../credentials/files.js";
import { PRIVATE_FILE_MODE } from "../credentials/private-file.js";
import { parseCertificates, type VerifiedCredentials } from "../credentials/pem.js";
import { InputError } from "../validation/errors.js";
import { CLIENT_AUTHS, type ClientAuth } from "./bootstrap.js";
import { envFile, javaProperties, librdkafkaConf, type ClientSettings } from "./formats.js";
import type { ReusableKeyStore } from "./existing-keystore.js";
import { keyStorePkcs12, trustStorePkcs12 } from "./pkcs12.js";

export type ClientKind = "java" | "librdkafka" | "env";
export const CLIENT_KINDS: readonly ClientKind[] = ["java", "librdkafka", "env"];

/** A configuration file: where it goes on disk, `display` as printed (the --dir value joined with the name). */
export type FileEntry = ExtraEntry;

/** --client LIST: known names only, each once, in the order given. */
export function parseClientKinds(values: readonly string[]): ClientKind[] {
  const kinds: ClientKind[] = [];
  for (const value of values) {
    if (!(CLIENT_KINDS as readonly string[]).includes(value)) {
      throw new InputError(`invalid --client ${JSON.stringify(value)}: expected a comma-separated list of ${CLIENT_KINDS.join(", ")}`);
    }
    if (!kinds.includes(value as ClientKind)) kinds.push(value as ClientKind);
  }
  return kinds;
}

// in bootstrap.ts: a command that connects reads --auth without loading the key stores' ASN.1 code
export { parseClientAuth } from "./bootstrap.js";

export interface ClientFilesRequest {
  kinds: readonly ClientKind[];
  /** the key store on disk to keep (see existing-keystore.ts) */
  reuseKeyStore?: ReusableKeyStore;
  /** bootstrap, user, password and the PEM files' absolute paths */
  settings: ClientSettings;
  credentials: VerifiedCredentials;
  cwd: string;
  dir?: string;
}

/** A random password of 32 letters and digits (about 190 bits). */
function randomPassword(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(32), (b) => alphabet[b % 62]).join("");
}

/**
 * The trust store holds public certificates only; its password guards integrity, not a secret. It is derived
 * from the CA so that the same CA gives the same truststore.p12, which every user's properties in a directory share.
 */
function trustStorePassword(caPem: string): string {
  return createHmac("sha256", "exo-dbaas truststore").update(caPem.trim()).digest("base64url").slice(0, 32);
}

/** truststore.p12's bytes: the same CA always gives the same file. */
export function trustStoreFor(caPem: string): Buffer {
  const password = trustStorePassword(caPem);
  return trustStorePkcs12(parseCertificates(caPem, "the CA certificate"), "ca", password, Buffer.from(password));
}

/** Where a client file goes: in `dir` (default: the working directory); `display` as printed. */
export function clientFilePlace(cwd: string, dir: string | undefined, name: string): { path: string; display: string } {
  const display = dir && !isAbsolute(name) ? join(dir, name) : name;
  return { path: resolve(cwd, display), display };
}

export const javaFileNames = (username: string) => ({ properties: `${username}.client.properties`, keyStore: `${username}.keystore.p12` });
const librdkafkaFileName = (username: string) => `${username}.librdkafka.conf`;
const envFileName = (username: string) => `${username}.env`;
/** shared by every user's Java properties in a directory (same CA, same bytes) */
export const TRUST_STORE_FILE = "truststore.p12";

/** The files --client writes for `username`, in the order they are written and printed. */
export function clientFileNames(kinds: readonly ClientKind[], auth: ClientAuth, username: string): string[] {
  const java = javaFileNames(username);
  return kinds.flatMap((kind) => {
    if (kind === "java") return [java.properties, ...(auth === "certificate" ? [java.keyStore] : []), TRUST_STORE_FILE];
    return [kind === "librdkafka" ? librdkafkaFileName(username) : envFileName(username)];
  });
}

/** The files of `username` that --client manages and that belong to that user alone (never the shared trust store). */
export function ownClientFileNames(kinds: readonly ClientKind[], username: string): { kind: ClientKind | "keystore"; name: string }[] {
  const java = javaFileNames(username);
  return kinds.flatMap((kind): { kind: ClientKind | "keystore"; name: string }[] => {
    if (kind === "java") return [{ kind, name: java.properties }, { kind: "keystore" as const, name: java.keyStore }];
    return [{ kind, name: kind === "librdkafka" ? librdkafkaFileName(username) : envFileName(username) }];
  });
}

export function clientConfigEntries(request: ClientFilesRequest): FileEntry[] {
  const { kinds, settings, credentials } = request;
  /** the file `name`, its contents made knowing how it is printed (errors name it) */
  const place = (name: string, contents: string | Uint8Array | ((display: string) => string)): FileEntry => {
    const where = clientFilePlace(request.cwd, request.dir, name);
    return { ...where, contents: typeof contents === "function" ? contents(where.display) : contents, mode: PRIVATE_FILE_MODE };
  };
  const user = settings.username;
  const entries: FileEntry[] = [];
  for (const kind of kinds) {
    if (kind === "java") {
      const trustPassword = trustStorePassword(credentials.ca);
      const trustStore = place(TRUST_STORE_FILE, trustStoreFor(credentials.ca));
      const names = javaFileNames(user);
      const reuse = request.reuseKeyStore;
      const keyStore = settings.auth === "certificate" ? { password: reuse?.password ?? randomPassword(), entry: place(names.keyStore, "") } : undefined;
      if (keyStore) keyStore.entry.contents = reuse?.bytes ?? keyStorePkcs12(credentials.key, credentials.certificate, user, keyStore.password);
      const stores = { trustStore: { path: trustStore.path, password: trustPassword }, keyStore: keyStore && { path: keyStore.entry.path, password: keyStore.password } };
      entries.push(place(names.properties, (display) => javaProperties(settings, stores, display)), ...(keyStore ? [keyStore.entry] : []), trustStore);
    } else if (kind === "librdkafka") {
      entries.push(place(librdkafkaFileName(user), (display) => librdkafkaConf(settings, display)));
    } else {
      entries.push(place(envFileName(user), (display) => envFile(settings, display)));
    }
  }
  return entries;
}
