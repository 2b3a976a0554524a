// Real X.509 PKI for the emulator: project CA, per-user client certificates, server certificates.
// Keys are generated off the event loop (libuv thread pool) and a small pool is kept warm, so requests
// that issue certificates rarely wait for RSA key generation. @peculiar/x509 is loaded on first use.
import { generateKeyPair, randomBytes, webcrypto, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { isIP } from "node:net";

export interface IssuedCertificate {
  certPem: string;
  /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----") */
  keyPem: string;
  notAfter: Date;
}

type KeyKind = "rsa" | "ec";

const DAY_MS = 86_400_000;
/** Validity of user certificates: two years and some days, like the real service. */
export const CLIENT_CERT_DAYS = 820;
const CA_DAYS = 3650;

type X509 = typeof import("@peculiar/x509");
let x509Module: Promise<X509> | undefined;
function loadX509(): Promise<X509> {
  x509Module ??= (async () => {
    await import("reflect-metadata");
    const mod = (await import("@peculiar/x509")) as X509 & { default?: X509 };
    // bundlers may expose the CommonJS build only as the default export
    const x509 = mod.cryptoProvider ? mod : mod.default!;
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return x509Module;
}

function newKey(kind: KeyKind): Promise<KeyObject> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, _pub: KeyObject, priv: KeyObject) => (err ? reject(err) : resolve(priv));
    if (kind === "rsa") generateKeyPair("rsa", { modulusLength: 2048 }, done);
    else generateKeyPair("ec", { namedCurve: "P-256" }, done);
  });
}

const POOL_SIZE = 2;
const rsaPool: Promise<KeyObject>[] = [];

/** Starts filling the RSA key pool in the background. */
export function warmKeyPool(): void {
  while (rsaPool.length < POOL_SIZE) {
    const p = newKey("rsa");
    p.catch(() => undefined);
    rsaPool.push(p);
  }
}

function takeKey(kind: KeyKind): Promise<KeyObject> {
  if (kind === "ec") return newKey("ec");
  const key = rsaPool.shift() ?? newKey("rsa");
  warmKeyPool();
  return key;
}

function algorithms(kind: KeyKind) {
  return kind === "rsa"
    ? { sign: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, importParams: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } }
    : { sign: { name: "ECDSA", hash: "SHA-256" }, importParams: { name: "ECDSA", namedCurve: "P-256" } };
}

async function toCryptoKeys(priv: KeyObject) {
  const kind: KeyKind = priv.asymmetricKeyType === "ec" ? "ec" : "rsa";
  const { importParams } = algorithms(kind);
  const pub = createPublicKey(priv);
  const privateKey = await webcrypto.subtle.importKey("pkcs8", priv.export({ type: "pkcs8", format: "der" }), importParams, false, ["sign"]);
  const publicKey = await webcrypto.subtle.importKey("spki", pub.export({ type: "spki", format: "der" }), importParams, true, ["verify"]);
  return { kind, privateKey, publicKey };
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // positive
  return bytes.toString("hex");
}

const pemOf = (cert: { toString(format: "pem"): string }) => cert.toString("pem").replace(/\r\n/g, "\n").trimEnd() + "\n";
const keyPemOf = (key: KeyObject) => key.export({ type: "pkcs8", format: "pem" }).toString();

/** Creates a self-signed CA ("<id> Project CA" for projects). RSA for project CAs, EC for the HTTPS CA. */
export async function createCa(commonName: string, kind: KeyKind = "rsa"): Promise<IssuedCertificate> {
  const x509 = await loadX509();
  const key = await takeKey(kind);
  const keys = await toCryptoKeys(key);
  const now = Date.now();
  const notAfter = new Date(now + CA_DAYS * DAY_MS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: [{ CN: [commonName] }],
    notBefore: new Date(now - 60_000),
    notAfter,
    signingAlgorithm: algorithms(keys.kind).sign,
    keys: { privateKey: keys.privateKey, publicKey: keys.publicKey },
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: pemOf(cert), keyPem: keyPemOf(key), notAfter };
}

interface IssueOptions {
  commonName: string;
  days: number;
  kind?: KeyKind;
  /** server certificates get SANs and serverAuth; client certificates get clientAuth */
  san?: { dns: string[]; ips: string[] };
}

async function issue(caCertPem: string, caKeyPem: string, opts: IssueOptions): Promise<IssuedCertificate> {
  const x509 = await loadX509();
  const caCert = new x509.X509Certificate(caCertPem);
  const caKeys = await toCryptoKeys(createPrivateKey(caKeyPem));
  const key = await takeKey(opts.kind ?? "rsa");
  const keys = await toCryptoKeys(key);
  const now = Date.now();
  const notAfter = new Date(now + opts.days * DAY_MS);
  const extensions: InstanceType<X509["Extension"]>[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension([opts.san ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
    await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
  ];
  if (opts.san) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension([
        ...opts.san.dns.map((value) => ({ type: "dns" as const, value })),
        ...opts.san.ips.map((value) => ({ type: "ip" as const, value })),
      ]),
    );
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: [{ CN: [opts.commonName] }],
    issuer: caCert.subjectName,
    notBefore: new Date(now - 60_000),
    notAfter,
    signingAlgorithm: algorithms(caKeys.kind).sign,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    extensions,
  });
  return { certPem: pemOf(cert), keyPem: keyPemOf(key), notAfter };
}

/** A client certificate for a Kafka user: CN = username, signed by the project CA. */
export function issueClientCertificate(caCertPem: string, caKeyPem: string, username: string): Promise<IssuedCertificate> {
  return issue(caCertPem, caKeyPem, { commonName: username, days: CLIENT_CERT_DAYS });
}

/**
 * A TLS server certificate for the given DNS names and IP addresses (e.g. localhost, 127.0.0.1), signed by
 * the given CA. Brokers use it with the project CA; the emulator's HTTPS listener with its own CA.
 */
export function issueServerCertificate(
  caCertPem: string,
  caKeyPem: string,
  names: { dns: string[]; ips: string[] },
  kind: KeyKind = "rsa",
): Promise<{ certPem: string; keyPem: string; notAfter: Date }> {
  const ips = names.ips.filter((ip) => isIP(ip) !== 0);
  return issue(caCertPem, caKeyPem, { commonName: names.dns[0] ?? ips[0] ?? "localhost", days: 825, kind, san: { dns: names.dns, ips } });
}
