// Whether files on disk hold a given user's credentials: a certificate for that user (CN) issued
// by the service's CA, and the private key of that very certificate.
import { createPublicKey, type KeyObject, type X509Certificate } from "node:crypto";
import { promises as fs } from "node:fs";
import { checkTarget } from "./file-set.js";
import type { CredentialsFile } from "./files.js";
import { CredentialsError, parseCertificate, parseCertificates, parsePrivateKey } from "./pem.js";

/** absent: nothing there; owned: the user's; other: anything else (unreadable, another user's, not PEM) */
export type Ownership = "absent" | "owned" | "other";

const spki = (key: KeyObject) => key.export({ type: "spki", format: "der" });

async function readIfPresent(file: CredentialsFile): Promise<string | undefined | null> {
  if ((await checkTarget(file.absolute, file.display)) === "absent") return undefined;
  return fs.readFile(file.absolute, "utf8").catch(() => null);
}

function parsed<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CredentialsError) return undefined;
    throw error;
  }
}

/** A certificate for `username` (its CN) issued by one of the service's CA certificates. */
export function isUsersCertificate(certificate: X509Certificate, username: string, cas: readonly X509Certificate[]): boolean {
  return certificate.subject.split("\n").includes(`CN=${username}`) && cas.some((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
}

export async function credentialsOf(files: { cert: CredentialsFile; key: CredentialsFile }, username: string, caPem: string): Promise<{ cert: Ownership; key: Ownership }> {
  const [certText, keyText] = await Promise.all([readIfPresent(files.cert), readIfPresent(files.key)]);
  const cas = parseCertificates(caPem, "the CA certificate");
  let certificate: X509Certificate | undefined;
  if (typeof certText === "string") {
    const found = parsed(() => parseCertificate(certText, "file"));
    if (found && isUsersCertificate(found, username, cas)) certificate = found;
  }
  let key: Ownership = keyText === undefined ? "absent" : "other";
  if (typeof keyText === "string" && certificate) {
    const privateKey = parsed(() => parsePrivateKey(keyText, "file"));
    if (privateKey && spki(createPublicKey(privateKey)).equals(spki(certificate.publicKey))) key = "owned";
  }
  return { cert: certText === undefined ? "absent" : certificate ? "owned" : "other", key };
}
