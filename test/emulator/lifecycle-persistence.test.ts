import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { X509Certificate, createPrivateKey, createPublicKey } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { call, waitFor } from "./client.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "emu-test-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("lifecycle", () => {
  it("keeps a new service rebuilding, then running; operations pending, then success", async () => {
    const emu = await startEmulator({ operationDelayMs: 300, rebuildDelayMs: 600 });
    try {
      const created = Date.now();
      const op = await call(emu, "POST", "/dbaas-kafka/life", { json: { plan: "startup-2" } });
      expect(op.json).toMatchObject({ state: "pending", id: expect.stringMatching(/^[0-9a-f-]{36}$/), reference: { id: expect.any(String), link: `${emu.url}/dbaas-service/life`, command: "create-dbaas-service-kafka" } });
      expect((await call(emu, "GET", `/operation/${op.json.id}`)).json.state).toBe("pending");
      const shown = (await call(emu, "GET", "/dbaas-kafka/life")).json;
      expect(shown.state).toBe("rebuilding");
      expect(shown["node-states"][0].state).toBe("setting_up_vm");

      await waitFor("operation success", async () => ((await call(emu, "GET", `/operation/${op.json.id}`)).json.state === "success" ? true : undefined));
      const opDone = Date.now() - created;
      await waitFor("running", async () => ((await call(emu, "GET", "/dbaas-kafka/life")).json.state === "running" ? true : undefined));
      const runningAfter = Date.now() - created;
      console.log(`operation succeeded after ~${opDone} ms, service running after ~${runningAfter} ms`);
      expect(opDone).toBeGreaterThanOrEqual(250);
      expect(runningAfter).toBeGreaterThanOrEqual(550);

      const update = await call(emu, "PUT", "/dbaas-kafka/life", { json: { plan: "business-4" } });
      expect(update.json.state).toBe("pending");
      const rebalancing = (await call(emu, "GET", "/dbaas-kafka/life")).json;
      expect(rebalancing.state).toBe("rebalancing");
      expect(rebalancing.plan).toBe("business-4");
      expect(rebalancing["node-memory"]).toBe(4 * 1024 ** 3);
    } finally {
      await emu.close();
    }
  });
});

describe("persistence", () => {
  it("keeps services, users, certificates and the CA across restarts; --reset starts clean", async () => {
    const dataDir = tempDir();
    const first = await startEmulator({ dataDir, operationDelayMs: 0, rebuildDelayMs: 0 });
    await call(first, "POST", "/dbaas-kafka/keep", { body: '{"plan":"startup-2","kafka-settings":{"log_retention_ms":9223372036854775807}}' });
    await call(first, "POST", "/dbaas-kafka/keep/user", { json: { username: "carol" } });
    const before = (await call(first, "GET", "/dbaas-kafka/keep")).json;
    const ca = await first.caCertificatePem();
    await first.close();
    expect(statSync(join(dataDir, "state.json")).mode & 0o777).toBe(0o600);

    const second = await startEmulator({ dataDir, operationDelayMs: 0 });
    const after = await call(second, "GET", "/dbaas-kafka/keep");
    expect(after.json.users).toEqual(before.users);
    expect(after.json["created-at"]).toBe(before["created-at"]);
    expect(after.text).toContain('"log_retention_ms":9223372036854775807');
    expect((await call(second, "GET", "/dbaas-ca-certificate")).json.certificate).toBe(ca);
    await second.close();

    const third = await startEmulator({ dataDir, reset: true });
    expect((await call(third, "GET", "/dbaas-service")).json["dbaas-services"]).toEqual([]);
    expect(await third.caCertificatePem()).not.toBe(ca);
    await third.close();
  });

  it("keeps everything in memory without a data directory", async () => {
    const a = await startEmulator({ operationDelayMs: 0 });
    await call(a, "POST", "/dbaas-kafka/mem", { json: { plan: "startup-2" } });
    await a.close();
    const b = await startEmulator();
    expect((await call(b, "GET", "/dbaas-kafka/mem")).status).toBe(404);
    await b.close();
  });
});

describe("PKI", () => {
  it("issues user certificates signed by the project CA, with matching keys", async () => {
    const emu = await startEmulator({ operationDelayMs: 0, seed: true });
    try {
      const caPem = (await call(emu, "GET", "/dbaas-ca-certificate")).json.certificate;
      const ca = new X509Certificate(caPem);
      expect(ca.subject).toMatch(/^CN=[0-9a-f-]{36} Project CA$/);
      expect(ca.ca).toBe(true);
      const tenYears = new Date(ca.validTo).getTime() - new Date(ca.validFrom).getTime();
      expect(tenYears / 86_400_000).toBeGreaterThan(3640);

      await call(emu, "POST", "/dbaas-kafka/test-kafka/user", { json: { username: "dave" } });
      for (const username of ["avnadmin", "dave"]) {
        const secrets = (await call(emu, "GET", `/dbaas-kafka/test-kafka/user/${username}/password/reveal`)).json;
        const cert = new X509Certificate(secrets["access-cert"]);
        expect(cert.subject).toBe(`CN=${username}`);
        expect(cert.checkIssued(ca)).toBe(true);
        expect(cert.verify(ca.publicKey)).toBe(true);
        expect(secrets["access-key"]).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
        const key = createPrivateKey(secrets["access-key"]);
        expect(cert.checkPrivateKey(key)).toBe(true);
        expect(createPublicKey(key).asymmetricKeyDetails?.modulusLength).toBe(2048);
        const validDays = (new Date(cert.validTo).getTime() - Date.now()) / 86_400_000;
        expect(validDays).toBeGreaterThan(730);
        expect(new Date(secrets["access-cert-expiry"]).getTime()).toBe(Math.floor(new Date(cert.validTo).getTime() / 1000) * 1000);
      }
      const svc = (await call(emu, "GET", "/dbaas-kafka/test-kafka")).json;
      const admin = svc.users.find((u: any) => u.username === "avnadmin");
      expect(svc["connection-info"]["access-cert"]).toBe(admin["access-cert"]);
      expect(svc["connection-info"]["access-key"]).toBe(admin["access-key"]);
    } finally {
      await emu.close();
    }
  });

  it("issues server certificates for loopback names", async () => {
    const { createCa, issueServerCertificate } = await import("../../src/emulator/pki.js");
    const ca = await createCa("broker test CA");
    const server = await issueServerCertificate(ca.certPem, ca.keyPem, { dns: ["localhost"], ips: ["127.0.0.1"] });
    const cert = new X509Certificate(server.certPem);
    expect(cert.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(cert.checkIssued(new X509Certificate(ca.certPem))).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(server.keyPem))).toBe(true);
  });
});

describe("HTTPS", () => {
  it("serves TLS with a certificate from the emulator CA it writes to the data directory", async () => {
    const dataDir = tempDir();
    const emu = await startEmulator({ dataDir, https: true });
    try {
      expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2$/);
      expect(emu.tlsCaPath).toBe(join(dataDir, "emulator-ca.pem"));
      const https = await import("node:https");
      const body = await new Promise<string>((resolve, reject) => {
        https.get(`${emu.url}/zone`, { ca: readFileSync(emu.tlsCaPath!) }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
        }).on("error", reject);
      });
      expect(JSON.parse(body).zones).toHaveLength(8);
    } finally {
      await emu.close();
    }
  });
  it("without a data directory, keeps its TLS files in a directory of its own, removed on close; a data directory stays", async () => {
    const emu = await startEmulator({ https: true });
    const caPath = emu.tlsCaPath!;
    expect(existsSync(caPath)).toBe(true);
    await emu.close();
    expect(existsSync(dirname(caPath))).toBe(false);

    const dataDir = tempDir();
    const kept = await startEmulator({ dataDir, https: true });
    await kept.close();
    expect(existsSync(join(dataDir, "emulator-ca.pem"))).toBe(true);
  });
});
