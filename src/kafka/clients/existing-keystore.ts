// Re-running a download (or an interrupted rotation) should keep a Java set that is already right. The key
// store's password is random, so a new one would differ from the file on disk in every byte; instead, the key
// store already there is reused when the properties file beside it holds its password and it holds exactly
// this key and certificate. Then the regenerated properties are the same bytes too, and both files are kept.
import { createPrivateKey, createPublicKey, type X509Certificate } from "node:crypto";
import { promises as fs } from "node:fs";
import { ContentInfo, id_data } from "@peculiar/asn1-cms";
import { AuthenticatedSafe, CertBag, id_certBag, id_pkcs8ShroudedKeyBag, PFX, SafeContents } from "@peculiar/asn1-pfx";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { propertiesValue } from "./formats.js";

export interface ReusableKeyStore {
  password: string;
  bytes: Buffer;
}

const spki = (key: Parameters<typeof createPublicKey>[0]) => createPublicKey(key).export({ type: "spki", format: "der" });

function dataContents(info: ContentInfo): SafeContents | undefined {
  if (info.contentType !== id_data) return undefined;
  return AsnConvert.parse(AsnConvert.parse(info.content, OctetString), SafeContents);
}

/** The shrouded keys and the certificates (DER) of a store as written here; undefined for any other content. */
export function keyStoreBags(store: Buffer): { keys: Buffer[]; certificates: Buffer[] } | undefined {
  const pfx = AsnConvert.parse(store, PFX);
  if (pfx.authSafe.contentType !== id_data) return undefined;
  const safes = AsnConvert.parse(AsnConvert.parse(pfx.authSafe.content, OctetString), AuthenticatedSafe);
  const found = { keys: [] as Buffer[], certificates: [] as Buffer[] };
  for (const info of safes) {
    const bags = dataContents(info);
    if (!bags) return undefined;
    for (const bag of bags) {
      if (bag.bagId === id_pkcs8ShroudedKeyBag) found.keys.push(Buffer.from(bag.bagValue));
      else if (bag.bagId === id_certBag) found.certificates.push(Buffer.from(AsnConvert.parse(AsnConvert.parse(bag.bagValue, CertBag).certValue, OctetString).buffer));
      else return undefined;
    }
  }
  return found;
}

/** Whether `store` opens with `password` and holds this key and certificate, nothing else. */
function holds(store: Buffer, password: string, keyPem: string, certificate: X509Certificate): boolean {
  const bags = keyStoreBags(store);
  if (!bags || bags.keys.length !== 1 || bags.certificates.length !== 1) return false;
  const key = createPrivateKey({ key: bags.keys[0]!, format: "der", type: "pkcs8", passphrase: password });
  return spki(key).equals(spki(keyPem)) && bags.certificates[0]!.equals(certificate.raw);
}

export async function reusableKeyStore(
  propertiesPath: string,
  keyStorePath: string,
  keyPem: string,
  certificate: X509Certificate,
): Promise<ReusableKeyStore | undefined> {
  try {
    const [properties, store] = await Promise.all([fs.readFile(propertiesPath, "utf8"), fs.readFile(keyStorePath)]);
    if (!properties.split("\n").includes(`ssl.keystore.location=${propertiesValue(keyStorePath)}`)) return undefined;
    const password = /^ssl\.keystore\.password=([A-Za-z0-9]{16,})$/m.exec(properties)?.[1];
    return password && holds(store, password, keyPem, certificate) ? { password, bytes: store } : undefined;
  } catch {
    // missing, unreadable, not PKCS#12, wrong password: not reusable, written anew
    return undefined;
  }
}
