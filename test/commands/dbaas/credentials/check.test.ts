// exo dbaas credentials check on a certificate that has already expired: exit code 4 whatever
// --min-days, the expiry on stderr, nothing on stdout.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, SERVICE, ZONE, type Session } from "../../../helpers/session.js";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const EC = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const DAY = 86_400_000;

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());

/** A certificate for avnadmin that expired two days ago (self-signed: check only reads the dates). */
async function expiredCertificate(): Promise<{ pem: string; notAfter: Date }> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ["sign", "verify"])) as CryptoKeyPair;
  const notAfter = new Date(Math.floor((Date.now() - 2 * DAY) / 1000) * 1000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: "CN=avnadmin",
    keys,
    signingAlgorithm: EC,
    notBefore: new Date(notAfter.getTime() - 30 * DAY),
    notAfter,
  });
  return { pem: cert.toString("pem"), notAfter };
}

describe("credentials check on an expired certificate", () => {
  it("exits 4 and says it has expired, even with --min-days 0", async () => {
    const { pem, notAfter } = await expiredCertificate();
    const service = await s.service();
    const users = service.users!.map((u) => (u.username === "avnadmin" ? { ...u, "access-cert": pem } : u));
    s.emulator.canned({ method: "GET", path: `/dbaas-kafka/${SERVICE}`, status: 200, body: { ...service, users } });

    const expiry = notAfter.toISOString().replace(/\.\d{3}Z$/, "Z");
    for (const minDays of ["0", "30"]) {
      const result = await s.exo(["dbaas", "credentials", "check", SERVICE, "-z", ZONE, "--min-days", minDays]);
      expect(result.exitCode).toBe(4);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^error: the certificate of user "avnadmin" has expired: ${expiry} \\(-[23] days left\\)\\n$`));
    }
    s.emulator.clearCanned();
  });
});
