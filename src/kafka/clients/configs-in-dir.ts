// The user's client configurations in a directory, as `credentials check --connect --dir` checks them: the
// SASL password each holds, and for certificate authentication the configurations that would hand a client
// another certificate than the user's current one.
import type { X509Certificate } from "node:crypto";
import { promises as fs } from "node:fs";
import { parseCertificate, sameCertificate } from "../credentials/pem.js";
import { CLIENT_KINDS, clientFilePlace, javaFileNames, ownClientFileNames, type ClientKind } from "./entries.js";
import { reusableKeyStore } from "./existing-keystore.js";
import { configuresUser } from "./formats.js";
import { certificatePathIn, saslPasswordIn } from "./read-config.js";

export interface ConfigsPlace {
  cwd: string;
  dir: string;
  username: string;
}

interface FoundConfig {
  kind: ClientKind;
  path: string;
  display: string;
  text: string;
}

/** The user's configurations in the directory, each when it is there and readable. */
async function configsIn(place: ConfigsPlace): Promise<FoundConfig[]> {
  const found = await Promise.all(
    CLIENT_KINDS.map(async (kind) => {
      const where = clientFilePlace(place.cwd, place.dir, ownClientFileNames([kind], place.username)[0]!.name);
      const text = await fs.readFile(where.path, "utf8").catch(() => undefined);
      return text === undefined ? undefined : { kind, ...where, text };
    }),
  );
  return found.filter((f) => f !== undefined);
}

/** The SASL configurations of the user, with the password each holds. */
export async function saslPasswordsIn(place: ConfigsPlace): Promise<{ display: string; kind: ClientKind; password: string }[]> {
  return (await configsIn(place)).flatMap(({ kind, display, text }) => {
    const password = saslPasswordIn(kind, text);
    const users = configuresUser(kind, text, place.username, { certPath: "", keyStorePath: "" });
    return password !== undefined && users ? [{ display, kind, password }] : [];
  });
}

async function holdsCertificate(path: string, current: X509Certificate): Promise<boolean> {
  try {
    return sameCertificate(parseCertificate(await fs.readFile(path, "utf8"), path), current);
  } catch {
    return false;
  }
}

/**
 * The certificate configurations of the user that would not give a client `current` (with `keyPem`, the key
 * checked beside it): a Java key store holding other credentials, an environment or librdkafka file pointing
 * at another certificate file.
 */
export async function staleCertificateConfigs(place: ConfigsPlace, current: X509Certificate, keyPem: string): Promise<{ display: string; kind: ClientKind }[]> {
  const keyStorePath = clientFilePlace(place.cwd, place.dir, javaFileNames(place.username).keyStore).path;
  const stale = await Promise.all(
    (await configsIn(place)).map(async ({ kind, path, display, text }) => {
      if (kind === "java") {
        if (!configuresUser(kind, text, place.username, { certPath: "", keyStorePath })) return undefined;
        return (await reusableKeyStore(path, keyStorePath, keyPem, current)) ? undefined : { display, kind };
      }
      const certPath = certificatePathIn(kind, text);
      if (certPath === undefined || !configuresUser(kind, text, place.username, { certPath, keyStorePath })) return undefined;
      return (await holdsCertificate(certPath, current)) ? undefined : { display, kind };
    }),
  );
  return stale.filter((s) => s !== undefined);
}
