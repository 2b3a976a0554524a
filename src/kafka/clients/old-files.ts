// OLD's client configuration files that `user rotate --client` deletes once OLD is deleted: only those this
// CLI wrote for OLD (see configuresUser) and a key store holding OLD's certificate from the service's CA. The
// shared trust store is never among them.
import { X509Certificate } from "node:crypto";
import { promises as fs } from "node:fs";
import { checkTarget } from "../credentials/file-set.js";
import type { CredentialsFile } from "../credentials/files.js";
import { isUsersCertificate } from "../credentials/ownership.js";
import { parseCertificates } from "../credentials/pem.js";
import type { OldFile } from "../credentials/rotation.js";
import { javaFileNames, ownClientFileNames, type ClientKind } from "./entries.js";
import { keyStoreBags } from "./existing-keystore.js";
import { configuresUser } from "./formats.js";

function keyStoreOf(store: Buffer, username: string, caPem: string): boolean {
  const cas = parseCertificates(caPem, "the CA certificate");
  const bags = keyStoreBags(store);
  return bags !== undefined && bags.certificates.length === 1 && isUsersCertificate(new X509Certificate(bags.certificates[0]!), username, cas);
}

/**
 * OLD's files for the client kinds asked for. `place` gives a file name's path in the directory;
 * `certPath`: the absolute path of OLD's certificate, which OLD's configurations point at.
 */
export function oldClientFiles(kinds: readonly ClientKind[], username: string, place: (name: string) => CredentialsFile, certPath: string): OldFile[] {
  const keyStorePath = place(javaFileNames(username).keyStore).absolute;
  return ownClientFileNames(kinds, username).map(({ kind, name }) => {
    const file = place(name);
    return {
      file,
      async ownership(caPem) {
        if ((await checkTarget(file.absolute, file.display)) === "absent") return "absent";
        try {
          const bytes = await fs.readFile(file.absolute);
          if (kind === "keystore") return keyStoreOf(bytes, username, caPem) ? "owned" : "other";
          return configuresUser(kind, bytes.toString("utf8"), username, { certPath, keyStorePath }) ? "owned" : "other";
        } catch {
          // unreadable, not PKCS#12: not known to be OLD's
          return "other";
        }
      },
    };
  });
}
