// Broker configuration and certificate, checked without running Java.
import { X509Certificate, generateKeyPairSync, createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { escapeProperty, renderServerProperties, replicationDefaults, PRINCIPAL_MAPPING_RULES } from "../../src/emulator/broker/config.js";
import { issueServerCertificate } from "../../src/emulator/broker/index.js";
import { createCa } from "./pki.js";

const pem = "-----BEGIN CERTIFICATE-----\nMIIB\\x\n-----END CERTIFICATE-----\n";
const input = {
  host: "127.0.0.1",
  ports: { ssl: 1001, sasl: 1002, internal: 1003, controller: 1004 },
  logDir: "/data/k",
  certChainPem: pem,
  keyPem: pem,
  caCertPem: pem,
};
const parse = (text: string) =>
  new Map(text.trim().split("\n").map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));

describe("broker server.properties", () => {
  it("keeps PEM values on one line with Java properties escapes", () => {
    expect(escapeProperty(pem)).toBe("-----BEGIN CERTIFICATE-----\\nMIIB\\\\x\\n-----END CERTIFICATE-----\\n");
    const props = parse(renderServerProperties({ ...input, saslEnabled: false }));
    expect(props.get("ssl.truststore.certificates")).toBe(escapeProperty(pem));
    expect(props.get("ssl.keystore.type")).toBe("PEM");
  });

  it("requires client certificates on SSL and maps the certificate CN to the principal", () => {
    const props = parse(renderServerProperties({ ...input, saslEnabled: false }));
    expect(props.get("ssl.client.auth")).toBe("required");
    expect(props.get("ssl.enabled.protocols")).toBe("TLSv1.2");
    expect(props.get("ssl.principal.mapping.rules")).toBe(PRINCIPAL_MAPPING_RULES);
    const rule = /^RULE:(.*)\/\$1\/,DEFAULT$/.exec(PRINCIPAL_MAPPING_RULES)![1]!;
    expect("CN=alice,O=Project".replace(new RegExp(rule), "$1")).toBe("alice");
    expect("CN=avnadmin".replace(new RegExp(rule), "$1")).toBe("avnadmin");
  });

  it("opens the SASL_SSL listener only when SASL is enabled", () => {
    const off = parse(renderServerProperties({ ...input, saslEnabled: false }));
    expect(off.get("listeners")).toBe("SSL://127.0.0.1:1001,INTERNAL://127.0.0.1:1003,CONTROLLER://127.0.0.1:1004");
    expect(off.has("sasl.enabled.mechanisms")).toBe(false);
    const on = parse(renderServerProperties({ ...input, saslEnabled: true }));
    expect(on.get("advertised.listeners")).toBe(
      "SSL://127.0.0.1:1001,INTERNAL://127.0.0.1:1003,SASL_SSL://127.0.0.1:1002",
    );
    expect(on.get("sasl.enabled.mechanisms")).toBe("SCRAM-SHA-256");
    expect(on.get("listener.name.sasl_ssl.ssl.client.auth")).toBe("none");
  });

  it("is a working single node: replication factors of one, no ZooKeeper", () => {
    const props = parse(renderServerProperties({ ...input, saslEnabled: true }));
    expect(props.get("process.roles")).toBe("broker,controller");
    expect(props.get("controller.quorum.voters")).toBe("1@127.0.0.1:1004");
    for (const key of ["offsets.topic.replication.factor", "transaction.state.log.replication.factor", "min.insync.replicas"]) {
      expect(props.get(key)).toBe("1");
    }
    expect([...props.keys()].some((k) => k.startsWith("zookeeper"))).toBe(false);
  });

  it("a node of three: its own id, every node a voter, three replicas and two in sync by default", () => {
    const cluster = [1, 2, 3].map((nodeId) => ({ nodeId, controllerPort: 2000 + nodeId }));
    const props = parse(renderServerProperties({ ...input, saslEnabled: false, nodeId: 2, cluster }));
    expect(props.get("node.id")).toBe("2");
    expect(props.get("controller.quorum.voters")).toBe("1@127.0.0.1:2001,2@127.0.0.1:2002,3@127.0.0.1:2003");
    for (const key of ["default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor"]) {
      expect(props.get(key), key).toBe("3");
    }
    expect(props.get("min.insync.replicas")).toBe("2");
    expect(props.get("transaction.state.log.min.isr")).toBe("2");
  });

  it("a node that joined a running cluster is a broker only: the three first nodes stay the controllers", () => {
    const controllers = [1, 2, 3].map((nodeId) => ({ nodeId, controllerPort: 2000 + nodeId }));
    const props = parse(renderServerProperties({ ...input, saslEnabled: false, nodeId: 4, cluster: controllers }));
    expect(props.get("process.roles")).toBe("broker");
    expect(props.get("controller.quorum.voters")).toBe("1@127.0.0.1:2001,2@127.0.0.1:2002,3@127.0.0.1:2003");
    expect(props.get("listeners")).toBe("SSL://127.0.0.1:1001,INTERNAL://127.0.0.1:1003");
    expect(props.get("controller.listener.names")).toBe("CONTROLLER");
    expect(props.get("default.replication.factor")).toBe("3");
  });

  it("replication defaults follow the node count: never more replicas than nodes", () => {
    expect([1, 2, 3, 5].map(replicationDefaults)).toEqual([
      { replicationFactor: 1, minInsyncReplicas: 1 },
      { replicationFactor: 2, minInsyncReplicas: 1 },
      { replicationFactor: 3, minInsyncReplicas: 2 },
      { replicationFactor: 3, minInsyncReplicas: 2 },
    ]);
  });
});

describe("broker certificate", () => {
  it("is signed by an RSA project CA, valid for 127.0.0.1 and localhost", async () => {
    const ca = await createCa("p Project CA");
    const issued = await issueServerCertificate(ca.certPem, ca.keyPem, { dns: ["localhost"], ips: ["127.0.0.1"] });
    const cert = new X509Certificate(issued.certPem);
    const caCert = new X509Certificate(ca.certPem);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkPrivateKey(createPrivateKey(issued.keyPem))).toBe(true);
    expect(issued.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it("is signed by an EC project CA too", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const x509 = await import("@peculiar/x509");
    const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const subtle = globalThis.crypto.subtle;
    const signing = await subtle.importKey("pkcs8", privateKey.export({ type: "pkcs8", format: "der" }), { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"]);
    const jwk = privateKey.export({ format: "jwk" });
    const publicKey = await subtle.importKey("jwk", { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
    const caCert = await x509.X509CertificateGenerator.createSelfSigned({
      name: "CN=ec Project CA",
      keys: { privateKey: signing, publicKey },
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
    });
    const issued = await issueServerCertificate(caCert.toString("pem"), keyPem, { dns: ["localhost"], ips: ["127.0.0.1"] });
    expect(new X509Certificate(issued.certPem).verify(new X509Certificate(caCert.toString("pem")).publicKey)).toBe(true);
  });
});
