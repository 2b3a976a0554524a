// The broker's own TLS certificate, signed by the service's project CA (SANs for the loopback names).
import "reflect-metadata";
import { createPrivateKey, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { ServerCertificateIssuer } from "../broker-provider.js";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const subtle = webcrypto.subtle;
const EC_CURVES: Record<string, string> = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
const EC_HASHES: Record<string, string> = { "P-256": "SHA-256", "P-384": "SHA-384", "P-521": "SHA-512" };

/** Imports a PEM private key (PKCS#8 or PKCS#1/SEC1) as a WebCrypto signing key with its algorithm. */
async function importSigningKey(pem: string): Promise<{ key: CryptoKey; algorithm: Algorithm | EcdsaParams }> {
  const keyObject = createPrivateKey(pem);
  const der = keyObject.export({ type: "pkcs8", format: "der" });
  if (keyObject.asymmetricKeyType === "rsa") {
    const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    return { key: (await subtle.importKey("pkcs8", der, algorithm, false, ["sign"])) as CryptoKey, algorithm };
  }
  if (keyObject.asymmetricKeyType === "ec") {
    const namedCurve = EC_CURVES[keyObject.asymmetricKeyDetails?.namedCurve ?? ""];
    if (!namedCurve) throw new Error("unsupported EC curve for the project CA key");
    const key = (await subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve }, false, ["sign"])) as CryptoKey;
    return { key, algorithm: { name: "ECDSA", hash: EC_HASHES[namedCurve] ?? "SHA-256" } as EcdsaParams };
  }
  throw new Error(`unsupported project CA key type: ${keyObject.asymmetricKeyType ?? "unknown"}`);
}

function toPem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Issues a TLS server certificate (EC P-256 key) for the given DNS names and IPs, signed by the CA. */
export const issueServerCertificate: ServerCertificateIssuer = async (caCertPem, caKeyPem, names) => {
  const caCert = new x509.X509Certificate(caCertPem);
  const { key: caKey, algorithm } = await importSigningKey(caKeyPem);
  const keys = (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString("hex").replace(/^[89a-f]/, "1"),
    subject: `CN=${names.dns[0] ?? names.ips[0] ?? "kafka"}`,
    issuer: caCert.subject,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 825 * 24 * 3600_000),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: "dns" as const, value })),
        ...names.ips.map((value) => ({ type: "ip" as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const keyDer = (await subtle.exportKey("pkcs8", keys.privateKey)) as ArrayBuffer;
  return { certPem: cert.toString("pem") + "\n", keyPem: toPem("PRIVATE KEY", keyDer) };
};
