// TLS material for --https: a separate emulator CA and a server certificate for 127.0.0.1/localhost,
// kept in a directory so clients can trust the CA across restarts (NODE_EXTRA_CA_CERTS).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { X509Certificate } from "node:crypto";
import { join } from "node:path";
import { createCa, issueServerCertificate } from "./pki.js";

export interface TlsMaterial {
  caPath: string;
  cert: string;
  key: string;
}

export async function loadOrCreateTls(dir: string): Promise<TlsMaterial> {
  mkdirSync(dir, { recursive: true });
  const files = {
    ca: join(dir, "emulator-ca.pem"),
    caKey: join(dir, "emulator-ca-key.pem"),
    cert: join(dir, "emulator-server.pem"),
    key: join(dir, "emulator-server-key.pem"),
  };
  const valid = (file: string) => {
    try {
      return new Date(new X509Certificate(readFileSync(file)).validTo).getTime() > Date.now() + 86_400_000;
    } catch {
      return false;
    }
  };
  if (!valid(files.ca) || !existsSync(files.caKey)) {
    const ca = await createCa("Exoscale DBaaS emulator CA", "ec");
    writeFileSync(files.ca, ca.certPem);
    writeFileSync(files.caKey, ca.keyPem, { mode: 0o600 });
    writeFileSync(files.cert, ""); // force a new server certificate
  }
  if (!valid(files.cert) || !existsSync(files.key)) {
    const server = await issueServerCertificate(readFileSync(files.ca, "utf8"), readFileSync(files.caKey, "utf8"), { dns: ["localhost"], ips: ["127.0.0.1", "::1"] }, "ec");
    writeFileSync(files.cert, server.certPem);
    writeFileSync(files.key, server.keyPem, { mode: 0o600 });
  }
  return { caPath: files.ca, cert: readFileSync(files.cert, "utf8"), key: readFileSync(files.key, "utf8") };
}
