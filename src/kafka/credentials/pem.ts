// Checks on the PEM material of a Kafka user's client credentials, done before anything is written:
// well-formed PEM, a certificate issued and signed by the project CA, a private key that belongs to it.
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/** Credentials that cannot be trusted (malformed, not chained to the CA, key not matching). Never quotes key material. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialsError";
  }
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END \1-----/g;
const KEY_LABELS = new Set(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]);

interface PemBlock {
  label: string;
  text: string;
}

/** The PEM blocks of `pem`, refusing anything but blocks and whitespace. */
function pemBlocks(pem: string, what: string): PemBlock[] {
  if (pem.trim() === "") throw new CredentialsError(`${what} is empty`);
  const blocks: PemBlock[] = [];
  let rest = pem;
  for (const match of pem.matchAll(BLOCK)) {
    blocks.push({ label: match[1]!, text: match[0] });
    rest = rest.replace(match[0], "");
  }
  if (blocks.length === 0 || rest.trim() !== "") throw new CredentialsError(`${what} is not valid PEM`);
  return blocks;
}

/** One or more certificates (a CA file may hold a chain). */
export function parseCertificates(pem: string, what: string): X509Certificate[] {
  return pemBlocks(pem, what).map((block) => {
    if (block.label !== "CERTIFICATE") throw new CredentialsError(`${what} holds a ${block.label} block, expected CERTIFICATE`);
    try {
      return new X509Certificate(block.text);
    } catch {
      throw new CredentialsError(`${what} is not a valid X.509 certificate`);
    }
  });
}

/** Exactly one certificate. */
export function parseCertificate(pem: string, what: string): X509Certificate {
  const certs = parseCertificates(pem, what);
  if (certs.length !== 1) throw new CredentialsError(`${what} holds ${certs.length} certificates, expected 1`);
  return certs[0]!;
}

/** Exactly one unencrypted private key. */
export function parsePrivateKey(pem: string, what: string): KeyObject {
  const blocks = pemBlocks(pem, what);
  if (blocks.length !== 1 || !KEY_LABELS.has(blocks[0]!.label)) throw new CredentialsError(`${what} is not a single unencrypted private key`);
  try {
    return createPrivateKey(blocks[0]!.text);
  } catch {
    throw new CredentialsError(`${what} is not a valid private key`);
  }
}

export interface CredentialsPem {
  ca: string;
  cert: string;
  key: string;
}

export interface VerifiedCredentials extends CredentialsPem {
  certificate: X509Certificate;
  /** the certificate's notAfter */
  expiresAt: Date;
}

const spki = (key: KeyObject) => key.export({ type: "spki", format: "der" });

/**
 * Checks that the certificate was issued and signed by (one of) the CA certificate(s) and that
 * the private key is the certificate's. `who` names the user in messages.
 */
export function verifyCredentials(pem: CredentialsPem, who: string): VerifiedCredentials {
  const cas = parseCertificates(pem.ca, "the CA certificate");
  const certificate = parseCertificate(pem.cert, `the certificate of ${who}`);
  const key = parsePrivateKey(pem.key, `the private key of ${who}`);
  const issuer = cas.find((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (!issuer) throw new CredentialsError(`the certificate of ${who} is not signed by the service's CA`);
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(key);
  } catch {
    throw new CredentialsError(`the private key of ${who} is not usable`);
  }
  if (!spki(publicKey).equals(spki(certificate.publicKey))) {
    throw new CredentialsError(`the private key of ${who} does not match its certificate`);
  }
  return { ...pem, certificate, expiresAt: new Date(certificate.validTo) };
}

/** Whether two certificates are the same (DER equality). */
export function sameCertificate(a: X509Certificate, b: X509Certificate): boolean {
  return a.raw.equals(b.raw);
}
