// PKCS#12 key and trust stores for Java clients, built in-process. The ASN.1 structures come from
// @peculiar/asn1-pfx (RFC 7292); the cryptography is node:crypto's: the key is a PBES2 shrouded key bag
// (AES-256-CBC, PBKDF2-HMAC-SHA256, as OpenSSL 3 writes it) and the whole store carries an HMAC-SHA256 MAC,
// the profile Java reads since JDK 12 (and keytool writes since 17).
import { createHash, createHmac, createPrivateKey, randomBytes, type X509Certificate } from "node:crypto";
import { ContentInfo, id_data } from "@peculiar/asn1-cms";
import { AuthenticatedSafe, CertBag, id_certBag, id_pkcs8ShroudedKeyBag, id_x509Certificate, MacData, PFX, PKCS12Attribute, SafeBag, SafeContents } from "@peculiar/asn1-pfx";
import { DigestInfo } from "@peculiar/asn1-rsa";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";

const ID_SHA256 = "2.16.840.1.101.3.4.2.1";
const ID_FRIENDLY_NAME = "1.2.840.113549.1.9.20";
const ID_LOCAL_KEY_ID = "1.2.840.113549.1.9.21";
/** Oracle's trustedKeyUsage bag attribute: without it Java ignores a certificate that has no key */
const ID_ORACLE_TRUSTED_KEY_USAGE = "2.16.840.1.113894.746875.1.1";
const ID_ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
const ITERATIONS = 10_000;

const der = (value: { toBER(): ArrayBuffer }) => value.toBER();
const bmpString = (text: string) => der(new asn1js.BmpString({ value: text }));

function attribute(id: string, value: ArrayBuffer): PKCS12Attribute {
  // assigned after construction: PKCS12Attribute's constructor (2.11.1) drops its parameters
  return Object.assign(new PKCS12Attribute(), { attrId: id, attrValues: [value] });
}

function certBag(certificate: X509Certificate, attributes: PKCS12Attribute[]): SafeBag {
  const bag = new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(certificate.raw)) });
  return new SafeBag({ bagId: id_certBag, bagValue: AsnConvert.serialize(bag), bagAttributes: attributes });
}

function dataContent(contents: SafeContents): ContentInfo {
  return new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(AsnConvert.serialize(contents))) });
}

/**
 * RFC 7292 appendix B.2: the MAC key derived from the password (as a BMPString with its two zero bytes),
 * here with SHA-256 (u = 32, v = 64), ID 3.
 */
function pkcs12MacKey(password: string, salt: Buffer, iterations: number): Buffer {
  const u = 32;
  const v = 64;
  const fill = (data: Buffer) => {
    if (data.length === 0) return data;
    const length = v * Math.ceil(data.length / v);
    return Buffer.from(Uint8Array.from({ length }, (_, i) => data[i % data.length]!));
  };
  const passwordBytes = Buffer.concat([Buffer.from(password, "utf16le").swap16(), Buffer.alloc(2)]);
  let a = Buffer.concat([Buffer.alloc(v, 3), fill(salt), fill(passwordBytes)]);
  for (let i = 0; i < iterations; i++) a = createHash("sha256").update(a).digest();
  return a.subarray(0, u);
}

function pfx(safes: ContentInfo[], password: string, salt: Buffer): Buffer {
  const authSafe = Buffer.from(AsnConvert.serialize(new AuthenticatedSafe(safes)));
  const mac = createHmac("sha256", pkcs12MacKey(password, salt, ITERATIONS)).update(authSafe).digest();
  const store = new PFX({
    version: 3,
    authSafe: new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(authSafe)) }),
    macData: new MacData({
      mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithm: ID_SHA256, parameters: null }), digest: new OctetString(mac) }),
      macSalt: new OctetString(salt),
      iterations: ITERATIONS,
    }),
  });
  return Buffer.from(AsnConvert.serialize(store));
}

/** A key store with one entry `alias`: the private key and its certificate. */
export function keyStorePkcs12(keyPem: string, certificate: X509Certificate, alias: string, password: string): Buffer {
  const shrouded = createPrivateKey(keyPem).export({ type: "pkcs8", format: "der", cipher: "aes-256-cbc", passphrase: password });
  const localKeyId = der(new asn1js.OctetString({ valueHex: createHash("sha1").update(certificate.raw).digest() }));
  const attributes = () => [attribute(ID_FRIENDLY_NAME, bmpString(alias)), attribute(ID_LOCAL_KEY_ID, localKeyId)];
  const keyBag = new SafeBag({ bagId: id_pkcs8ShroudedKeyBag, bagValue: new Uint8Array(shrouded).buffer, bagAttributes: attributes() });
  return pfx([dataContent(new SafeContents([certBag(certificate, attributes())])), dataContent(new SafeContents([keyBag]))], password, randomBytes(16));
}

/**
 * A trust store holding each CA certificate as a trusted entry (aliases `alias`, `alias-2`, ...). Nothing in it is
 * encrypted, so the same certificates, password and MAC salt give the same bytes.
 */
export function trustStorePkcs12(cas: X509Certificate[], alias: string, password: string, macSalt: Buffer): Buffer {
  const trusted = der(new asn1js.ObjectIdentifier({ value: ID_ANY_EXTENDED_KEY_USAGE }));
  const bags = cas.map((ca, i) =>
    certBag(ca, [attribute(ID_FRIENDLY_NAME, bmpString(i === 0 ? alias : `${alias}-${i + 1}`)), attribute(ID_ORACLE_TRUSTED_KEY_USAGE, trusted)]),
  );
  return pfx([dataContent(new SafeContents(bags))], password, macSalt);
}
