import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  BrokerAddress,
  BrokerNodeState,
  BrokerProvider,
  BrokerServiceSpec,
  BrokerStatus,
  BrokerTopicAcl,
  BrokerUser,
} from "../../src/emulator/broker-provider.js";
import { startEmulator } from "../../src/emulator/index.js";
import { call, waitFor } from "./client.js";

/** A provider that "starts" brokers on demand, to check how the emulator drives the contract. */
class RecordingProvider implements BrokerProvider {
  calls: string[] = [];
  specs = new Map<string, BrokerServiceSpec>();
  users = new Map<string, BrokerUser[]>();
  release = new Map<string, () => void>();
  /** services whose broker "crashed" */
  down = new Set<string>();
  async ensureService(spec: BrokerServiceSpec): Promise<BrokerAddress> {
    this.calls.push(`ensure ${spec.name} sasl=${spec.saslEnabled}`);
    this.specs.set(spec.name, spec);
    this.down.delete(spec.name);
    this.users.set(spec.name, spec.users);
    await new Promise<void>((resolve) => this.release.set(spec.name, resolve));
    return { host: "127.0.0.1", sslPort: 39092, saslPort: spec.saslEnabled ? 39093 : undefined };
  }
  async updateUsers(name: string, users: BrokerUser[]) {
    this.calls.push(`users ${name} ${users.map((u) => u.username).join(",")}`);
    this.users.set(name, users);
  }
  /** ACL updates held until the test lets them finish */
  aclUpdates: (() => void)[] = [];
  async updateTopicAcls(name: string, acls: BrokerTopicAcl[]) {
    this.calls.push(`acls ${name} ${acls.map((a) => `${a.username}:${a.topic}:${a.permission}`).join(",")}`);
    await new Promise<void>((resolve) => this.aclUpdates.push(resolve));
  }
  async removeService(name: string) {
    this.calls.push(`remove ${name}`);
  }
  status(name: string): BrokerStatus {
    return this.specs.has(name) && !this.down.has(name) ? "running" : "failed";
  }
  async close() {
    this.calls.push("close");
  }
}

/** A provider whose cluster has nodes: they can be killed, started, resized (all at once, when the test says). */
class ClusterProvider extends RecordingProvider {
  nodes: BrokerNodeState[] = ["running", "running", "running"];
  /** why a plan change is refused, if it is */
  refusal: string | null = null;
  nodeStates() {
    return [...this.nodes];
  }
  currentAddress(): BrokerAddress {
    return { host: "127.0.0.1", sslPort: 39000, nodes: this.nodes.map((_, i) => ({ nodeId: i + 1, sslPort: 39001 + i })) };
  }
  async planChangeProblem(name: string, nodeCount: number) {
    this.calls.push(`check ${name} ${nodeCount}`);
    return this.refusal;
  }
  async changePlan(name: string, nodeCount: number) {
    this.calls.push(`plan ${name} ${nodeCount}`);
    this.nodes = Array.from({ length: nodeCount }, () => "running" as const);
  }
  async killNode(name: string, nodeId: number) {
    this.calls.push(`kill ${name} ${nodeId}`);
    if (this.nodes[nodeId - 1] !== "running") return false;
    this.nodes[nodeId - 1] = "unknown";
    return true;
  }
  async startNode(name: string, nodeId: number) {
    this.calls.push(`start ${name} ${nodeId}`);
    if (this.nodes[nodeId - 1] === "running") return false;
    this.nodes[nodeId - 1] = "running";
    return true;
  }
}

describe("a cluster's nodes through the API and the control API", () => {
  let brokers: ClusterProvider;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  const control = async (action: string, body: unknown) => {
    const res = await fetch(emu.url.replace(/\/v2$/, `/_emulator/broker/${action}`), { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const show = async () => (await call(emu, "GET", "/dbaas-kafka/real")).json;

  beforeAll(async () => {
    brokers = new ClusterProvider();
    emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, brokers });
    await call(emu, "POST", "/dbaas-kafka/real", { json: { plan: "startup-2" } });
    await call(emu, "POST", "/dbaas-kafka/other", { json: { plan: "startup-2" } });
    await waitFor("ensureService", async () => (brokers.release.has("real") ? true : undefined));
    brokers.release.get("real")!();
    await waitFor("running", async () => ((await show()).state === "running" ? true : undefined));
  });
  afterAll(() => emu.close());

  it("kill and start one node: node-states follow each node, the uri is the provider's bootstrap, connection-info every node", async () => {
    expect(await control("kill", { service: "real", node: 2 })).toEqual({ status: 200, json: { ok: true } });
    let svc = await show();
    expect(svc["node-states"].map((n: { state: string }) => n.state)).toEqual(["running", "unknown", "running"]);
    expect(svc.uri).toBe("127.0.0.1:39000");
    expect(svc["connection-info"].nodes).toEqual(["127.0.0.1:39001", "127.0.0.1:39002", "127.0.0.1:39003"]);
    expect(await control("kill", { service: "real", node: 2 })).toEqual({ status: 409, json: { message: "node 2 of real does not run" } });
    expect(await control("start", { service: "real", node: 2 })).toEqual({ status: 200, json: { ok: true } });
    expect(await control("start", { service: "real", node: 2 })).toEqual({ status: 409, json: { message: "node 2 of real runs or is starting already" } });
    svc = await show();
    expect(svc["node-states"].map((n: { state: string }) => n.state)).toEqual(["running", "running", "running"]);
  });

  it.each([
    [{ service: "real" }, 400, { message: 'invalid "node": is required (a broker is named by its service and node number, 1 to N)', field: "node" }],
    [{ node: 1 }, 400, { message: 'invalid "service": is required (a broker is named by its service and node number, 1 to N)', field: "service" }],
    [{ service: "real", node: 0 }, 400, { message: 'invalid "node": must be an integer from 1 to 9', field: "node" }],
    [{ service: "real", node: 1.5 }, 400, { message: 'invalid "node": must be an integer from 1 to 9', field: "node" }],
    [{ service: "real", node: "1" }, 400, { message: 'invalid "node": must be an integer from 1 to 9', field: "node" }],
    [{ service: 7, node: 1 }, 400, { message: 'invalid "service": must be a service name', field: "service" }],
    [{ service: "real", node: 1, signal: "TERM" }, 400, { message: 'invalid "signal": unknown field', field: "signal" }],
    ["[1]", 400, { message: "expected a JSON object" }],
    [{ service: "real", node: 4 }, 404, { message: "real has 3 nodes (1 to 3)" }],
    [{ service: "nope", node: 1 }, 404, { message: 'no Kafka service "nope"' }],
    [{ service: "other", node: 1 }, 409, { message: "the brokers of other have not started yet" }],
  ])("refuses %j before anything is done", async (body, status, json) => {
    const before = brokers.calls.length;
    expect(await control("kill", body)).toEqual({ status, json });
    expect(brokers.calls.slice(before)).toEqual([]);
  });

  it("a plan change checks first, then resizes; a refused one changes nothing and says why", async () => {
    brokers.refusal = "topic wide has 4 replicas, more than the 3 nodes left";
    await call(emu, "PUT", "/dbaas-kafka/real", { json: { plan: "premium-6x-8" } });
    // growing is never refused by the emulator itself: the provider is asked and says no here
    expect(brokers.calls.slice(-1)).toEqual(["check real 6"]);
    expect((await show()).plan).toBe("startup-2");
    brokers.refusal = null;
    const updated = await call(emu, "PUT", "/dbaas-kafka/real", { json: { plan: "premium-6x-8" } });
    expect(updated.status).toBe(200);
    expect(brokers.calls.slice(-2)).toEqual(["check real 6", "plan real 6"]);
    const svc = await show();
    expect(svc.plan).toBe("premium-6x-8");
    expect(svc["node-states"]).toHaveLength(6);
    expect(svc["connection-info"].nodes).toHaveLength(6);
    brokers.refusal = "topic wide has 4 replicas, more than the 3 nodes left";
    const refused = await call(emu, "PUT", "/dbaas-kafka/real", { json: { plan: "business-4", "ip-filter": ["10.0.0.0/8"] } });
    expect(refused).toMatchObject({ status: 400, json: { message: "plan: cannot change to business-4: topic wide has 4 replicas, more than the 3 nodes left" } });
    expect(brokers.calls.at(-1)).toBe("check real 3");
    expect((await show())["ip-filter"]).toEqual(["0.0.0.0/0"]);
    brokers.refusal = null;
    // an update without a plan change checks nothing
    const before = brokers.calls.length;
    await call(emu, "PUT", "/dbaas-kafka/real", { json: { plan: "premium-6x-8", "ip-filter": ["10.0.0.0/8"] } });
    expect(brokers.calls.slice(before)).toEqual([]);
  });

  it("without real brokers the control API says so", async () => {
    const fake = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0 });
    try {
      await call(fake, "POST", "/dbaas-kafka/real", { json: { plan: "startup-2" } });
      const res = await fetch(fake.url.replace(/\/v2$/, "/_emulator/broker/start"), { method: "POST", body: JSON.stringify({ service: "real", node: 1 }) });
      expect({ status: res.status, json: await res.json() }).toEqual({ status: 409, json: { message: "the emulator runs no brokers (start it with --kafka real)" } });
    } finally {
      await fake.close();
    }
  });
});

describe("broker provider", () => {
  it("reports rebuilding until the brokers run, then their real addresses; keeps users in sync", async () => {
    const brokers = new RecordingProvider();
    const emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, brokers });
    try {
      await call(emu, "POST", "/dbaas-kafka/real", { json: { plan: "startup-2", "authentication-methods": { sasl: true } } });
      await waitFor("ensureService", async () => (brokers.release.has("real") ? true : undefined));
      expect((await call(emu, "GET", "/dbaas-kafka/real")).json.state).toBe("rebuilding");
      const spec = brokers.specs.get("real")!;
      expect(spec.caCertPem).toBe(await emu.caCertificatePem());
      expect(spec.caKeyPem).toMatch(/BEGIN PRIVATE KEY/);
      expect(spec.users.map((u) => u.username)).toEqual(["avnadmin"]);
      expect(spec.topicAcls).toEqual([{ username: "avnadmin", topic: "*", permission: "admin" }]);

      brokers.release.get("real")!();
      const svc = await waitFor("running", async () => {
        const s = (await call(emu, "GET", "/dbaas-kafka/real")).json;
        return s.state === "running" ? s : undefined;
      });
      expect(svc.uri).toBe("127.0.0.1:39092");
      expect(svc["connection-info"].nodes).toEqual(["127.0.0.1:39092"]);
      expect(svc.components.map((c: any) => c.port)).toEqual([39092, 39093]);

      await call(emu, "POST", "/dbaas-kafka/real/user", { json: { username: "erin" } });
      await waitFor("user sync", async () => (brokers.users.get("real")?.length === 2 ? true : undefined));

      // an ACL change's operation stays pending until the broker has applied it
      const op = (await call(emu, "POST", "/dbaas-kafka/real/topic/acl-config", { json: { username: "erin", topic: "orders*", permission: "read" } })).json;
      const opState = async () => (await call(emu, "GET", `/operation/${op.id}`)).json.state;
      expect(await opState()).toBe("pending");
      expect(brokers.aclUpdates).toHaveLength(1);
      brokers.aclUpdates.shift()!();
      await waitFor("operation done", async () => ((await opState()) === "success" ? true : undefined));

      await call(emu, "DELETE", "/dbaas-kafka/real");
      expect(brokers.calls).toEqual([
        "ensure real sasl=true",
        "users real avnadmin,erin",
        "acls real avnadmin:*:admin,erin:orders*:read",
        "remove real",
      ]);
    } finally {
      await emu.close();
    }
    expect(brokers.calls.at(-1)).toBe("close");
  });

  it("reports a crashed broker as poweroff, and the next update restarts it", async () => {
    const brokers = new RecordingProvider();
    const emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, brokers });
    const state = async () => (await call(emu, "GET", "/dbaas-kafka/real")).json;
    try {
      await call(emu, "POST", "/dbaas-kafka/real", { json: { plan: "startup-2" } });
      await waitFor("ensureService", async () => (brokers.release.has("real") ? true : undefined));
      brokers.release.get("real")!();
      await waitFor("running", async () => ((await state()).state === "running" ? true : undefined));

      brokers.down.add("real");
      const crashed = await state();
      expect(crashed.state).toBe("poweroff");
      expect(crashed["node-states"].map((n: { state: string }) => n.state)).toEqual(["unknown", "unknown", "unknown"]);
      expect((await call(emu, "GET", "/dbaas-service")).json["dbaas-services"][0].state).toBe("poweroff");

      brokers.release.delete("real");
      await call(emu, "PUT", "/dbaas-kafka/real", { json: { "ip-filter": ["10.0.0.0/8"] } });
      expect((await state()).state).toBe("rebuilding");
      await waitFor("restart", async () => (brokers.release.has("real") ? true : undefined));
      brokers.release.get("real")!();
      await waitFor("running again", async () => ((await state()).state === "running" ? true : undefined));
      expect(brokers.calls.filter((c) => c.startsWith("ensure"))).toHaveLength(2);
    } finally {
      await emu.close();
    }
  });
});

describe("exo-emulator command", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
    await build({
      entryPoints: ["src/emulator/main.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outdir: dir,
      splitting: true,
      logLevel: "error",
      banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the URL and exports, serves requests, and stops on SIGTERM", async () => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(dir, "main.js"), "--port", "0", "--seed", "--quiet", "--data-dir", join(dir, "data")], { stdio: ["ignore", "pipe", "pipe"] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (c) => {
        out += c;
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    console.log(`exo-emulator --seed printed its URL after ${Date.now() - started} ms (including node start-up)`);
    const url = /listening on (\S+?);/.exec(line)![1]!;
    expect(line).toContain(`EXOSCALE_API_ENDPOINT=${url}`);
    expect(line).toContain("EXOSCALE_API_KEY=EXOemulator0000000000000000000");
    expect(line).toContain("EXOSCALE_API_SECRET=emulator-secret");
    const zones = (await (await fetch(`${url}/zone`)).json()) as { zones: unknown[] };
    expect(zones.zones).toHaveLength(8);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });

  it("--data-dir keeps services across restarts, --reset starts clean", async () => {
    const dataDir = join(dir, "restart-data");
    /** Starts the binary, returns its URL and a stop function that waits for exit 0. */
    const start = async (...extra: string[]) => {
      const child = spawn(process.execPath, [join(dir, "main.js"), "--port", "0", "--quiet", "--operation-delay", "0", "--data-dir", dataDir, ...extra], { stdio: ["ignore", "pipe", "pipe"] });
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (c) => {
          out += c;
          const m = /listening on (\S+?);/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      const emu = { url, apiKey: "EXOemulator0000000000000000000", apiSecret: "emulator-secret" } as Parameters<typeof call>[0];
      const stop = async () => {
        const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        child.kill("SIGTERM");
        expect(await exit).toBe(0);
      };
      return { emu, stop };
    };
    const names = async (emu: Parameters<typeof call>[0]) => (await call(emu, "GET", "/dbaas-service")).json["dbaas-services"].map((s: { name: string }) => s.name);

    const first = await start();
    expect((await call(first.emu, "POST", "/dbaas-kafka/kept", { json: { plan: "startup-2" } })).status).toBe(200);
    await first.stop();
    const second = await start();
    expect(await names(second.emu)).toEqual(["kept"]);
    await second.stop();
    const third = await start("--reset");
    expect(await names(third.emu)).toEqual([]);
    await third.stop();
  });

  it("refuses unknown options", async () => {
    const child = spawn(process.execPath, [join(dir, "main.js"), "--bogus"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/bogus/);
  });
});
