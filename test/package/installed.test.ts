// The packed package, installed with `npm install -g --prefix`, used from a directory that is not the
// repository: the tarball's contents, both CLI names, the installed emulator (its --print-env lines and its
// own Kafka jar cache), and the library entry points with their declarations.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, type Server } from "node:net";
import { ApiClient } from "../../src/api/client.js";
import { getKafkaService } from "../../src/api/dbaas.js";
import { loadOrCreateTls } from "../../src/emulator/tls.js";
import { hasPinnedJars, kafkaRelease } from "../../src/emulator/broker/jar-cache.js";
import { ROOT } from "../helpers/built-cli.js";
import { startServer, type LoopbackServer } from "../helpers/loopback-server.js";
import { installedPackage, tarballFiles, type InstalledPackage } from "../helpers/packed.js";

const exec = promisify(execFile);
const { version: KAFKA_VERSION, jars: KAFKA_JARS } = kafkaRelease();
const REPO_LIBS = join(ROOT, ".cache", "kafka", KAFKA_VERSION);

let pkg: InstalledPackage;
/** a directory outside the repository, where the installed commands run */
let elsewhere: string;

beforeAll(async () => {
  pkg = await installedPackage();
  elsewhere = mkdtempSync(join(tmpdir(), "exo-dbaas-elsewhere-"));
}, 180_000);
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

/** Parses `export NAME='value'` lines as a POSIX shell would (single quotes, '\'' for a quote). */
function parseExports(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split("\n").filter(Boolean)) {
    const m = /^export ([A-Z_][A-Z0-9_]*)=((?:'[^']*'|\\')+)$/.exec(line);
    if (!m) throw new Error(`not an eval-able export line: ${JSON.stringify(line)}`);
    vars[m[1]!] = m[2]!.replace(/'([^']*)'|\\'/g, (_all, quoted: string | undefined) => quoted ?? "'");
  }
  return vars;
}

/** Starts the installed exo-emulator with --print-env; resolves with its variables once it closes stdout. */
function startInstalledEmulator(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; vars: Record<string, string>; stderr: () => string }> {
  const child = spawn(pkg.bin("exo-emulator"), ["--port", "0", "--print-env", ...args], { cwd: elsewhere, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c));
  child.stderr!.on("data", (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) => {
    // the end of stdout while the process lives: what lets `eval "$(exo-emulator --print-env &)"` return
    child.stdout!.on("end", () => (child.exitCode === null ? resolve({ child, vars: parseExports(stdout), stderr: () => stderr }) : undefined));
    child.once("exit", (code) => reject(new Error(`exo-emulator exited with ${code}: ${stderr}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

const baseEnv = () => ({ PATH: `${pkg.prefix}/bin:${process.env.PATH ?? ""}`, HOME: "/nonexistent-home" });

describe("the tarball", () => {
  it("ships the built package, the license and the example, not the sources", async () => {
    const files = await tarballFiles(pkg.tarball);
    for (const f of ["LICENSE", "README.md", "package.json", "dist/cli.cjs", "dist/exo.cjs", "dist/exo-asn1.cjs", "dist/exo-kafka.cjs", "dist/emulator.js", "dist/lib/api.js", "dist/lib/emulator.js",
      "dist/templates/index.js", "dist/types/api/index.d.ts", "dist/types/emulator/library.d.ts", "dist/types/templates/index.d.ts", "examples/fetch-certificates.mjs"]) {
      expect(files).toContain(`package/${f}`);
    }
    expect(files.filter((f) => /^package\/(src|test|scripts|\.cache|node_modules)\//.test(f))).toEqual([]);
    // a man page per command, each listed in package.json's "man" for npm to install
    const manPages = files.filter((f) => /^package\/man\/exo-dbaas[\w-]*\.1$/.test(f)).map((f) => f.replace(/^package\//, "./"));
    expect(manPages).toContain("./man/exo-dbaas-dbaas-show.1");
    expect(manPages.sort()).toEqual([...(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { man: string[] }).man].sort());
    // the code caches made by the Node that built the package, one per launched script
    expect(files.filter((f) => /^package\/dist\/exo(-asn1)?-v[0-9.]+-[a-z0-9]+\.cache$/.test(f))).toHaveLength(2);
    const license = readFileSync(join(pkg.packageDir, "LICENSE"), "utf8");
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain("END OF TERMS AND CONDITIONS");
  });

  it("builds before packing (prepack), so a clean clone packs dist/", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(manifest.scripts.prepack).toBe("npm run build");
  });
});

describe("the installed commands, run from another directory", () => {
  it("exo and exo-dbaas are the same program, against the installed emulator's eval-able environment", async () => {
    const { child, vars } = await startInstalledEmulator(["--seed", "--quiet", "--https"], baseEnv());
    try {
      expect(Object.keys(vars)).toEqual(["EXOSCALE_API_ENDPOINT", "EXOSCALE_API_KEY", "EXOSCALE_API_SECRET", "NODE_EXTRA_CA_CERTS", "EXO_EMULATOR_PID"]);
      expect(vars.EXOSCALE_API_ENDPOINT).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2$/);
      expect(vars.EXO_EMULATOR_PID).toBe(String(child.pid));
      const env = { ...baseEnv(), ...vars };
      const show = ["dbaas", "show", "test-kafka", "-z", "de-muc-1", "--output-template", "{{.Name}} {{.Plan}}"];
      const outputs = [];
      for (const bin of ["exo", "exo-dbaas"] as const) {
        const { stdout, stderr } = await exec(pkg.bin(bin), show, { cwd: elsewhere, env });
        outputs.push({ stdout, stderr });
      }
      expect(outputs).toEqual([{ stdout: "test-kafka startup-2", stderr: "" }, { stdout: "test-kafka startup-2", stderr: "" }]);
      expect((await exec(pkg.bin("exo-dbaas"), ["version"], { cwd: elsewhere, env })).stdout).toMatch(/\d+\.\d+\.\d+/);
    } finally {
      await stop(child);
    }
  });

  it("dbaas kafka loads the Kafka client library (bundled apart, dist/exo-kafka.cjs) and connects with it", async () => {
    const { child, vars } = await startInstalledEmulator(["--seed", "--quiet"], baseEnv());
    try {
      const env = { ...baseEnv(), ...vars };
      // the service announced on a closed loopback port: the command gets as far as the library's connection
      const closed = await new Promise<number>((done) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
          const { port } = server.address() as { port: number };
          server.close(() => done(port));
        });
      });
      const api = new ApiClient({ endpoint: vars.EXOSCALE_API_ENDPOINT!, credentials: { key: vars.EXOSCALE_API_KEY!, secret: vars.EXOSCALE_API_SECRET! }, headers: { "Exoscale-Zone": "de-muc-1" } });
      const service = await getKafkaService(api, "test-kafka");
      const components = (service.components ?? []).map((c) => (c.component === "kafka" ? { ...c, host: "127.0.0.1", port: closed } : c));
      const canned = { method: "GET", path: "/dbaas-kafka/test-kafka", status: 200, body: JSON.stringify({ ...service, components }) };
      const control = vars.EXOSCALE_API_ENDPOINT!.replace(/\/v2$/, "/_emulator/canned");
      expect((await fetch(control, { method: "POST", body: JSON.stringify(canned), headers: { "content-type": "application/json" } })).status).toBe(200);
      const failed = await exec(pkg.bin("exo"), ["dbaas", "kafka", "topic", "list", "test-kafka", "-z", "de-muc-1", "--connect-timeout", "2s"], { cwd: elsewhere, env }).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect([failed.code, failed.stdout]).toEqual([5, ""]);
      expect(failed.stderr).toMatch(new RegExp(`^error: no answer from the Kafka brokers of service "test-kafka" \\(127\\.0\\.0\\.1:${closed}\\) within 2s \\(ECONNREFUSED\\): [^\\n]+\\n$`));
    } finally {
      await stop(child);
    }
  });

  it("a POSIX shell evals --print-env: $(… &) returns while the emulator runs, and EXO_EMULATOR_PID stops it", async () => {
    const script = `eval "$(exo-emulator --print-env --quiet --seed --port 0 &)"
exo-dbaas dbaas list -z de-muc-1 -O json
kill "$EXO_EMULATOR_PID"
while kill -0 "$EXO_EMULATOR_PID" 2>/dev/null; do sleep 0.05; done
echo "stopped $EXO_EMULATOR_PID"`;
    const { stdout } = await exec("/bin/sh", ["-c", script], { cwd: elsewhere, env: baseEnv(), timeout: 20_000 });
    const [list, stopped] = stdout.split("\n");
    expect(JSON.parse(list!)).toEqual([{ name: "test-kafka", type: "kafka", plan: "startup-2", zone: "de-muc-1" }]);
    expect(stopped).toMatch(/^stopped \d+$/);
  });

  it("--print-env with --secret prints no secret", async () => {
    const { child, vars } = await startInstalledEmulator(["--quiet", "--secret", "it's-mine"], baseEnv());
    await stop(child);
    expect(Object.keys(vars)).toEqual(["EXOSCALE_API_ENDPOINT", "EXOSCALE_API_KEY", "EXO_EMULATOR_PID"]);
  });
});

describe("the installed emulator when it cannot start or fetch", () => {
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    takenPort = (taken.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  const emulator = (args: string[], env: Record<string, string> = baseEnv()) =>
    exec(pkg.bin("exo-emulator"), args, { cwd: elsewhere, env, timeout: 20_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("a port in use: one line naming it and --port 0, exit 2", async () => {
    expect(await emulator(["--port", String(takenPort), "--quiet"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `exo-emulator: port ${takenPort} is already in use: choose another with --port N, or --port 0 for any free port (the URL is printed)\n`,
    });
  });

  it("--print-env that cannot start prints `false`: eval \"$(… &)\" fails, and a set -e script stops there", async () => {
    const line = `eval "$(exo-emulator --print-env --quiet --port ${takenPort} &)"`;
    const script = `${line}\necho "status=$? endpoint=\${EXOSCALE_API_ENDPOINT-unset}"\nset -e\n${line}\necho "not reached"`;
    const result = await exec("/bin/sh", ["-c", script], { cwd: elsewhere, env: baseEnv(), timeout: 20_000 }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1, stdout: "status=1 endpoint=unset\n" });
    expect(result.stderr).toContain("or --port 0 for any free port");
    expect(await emulator(["--print-env", "--port", String(takenPort)])).toMatchObject({ code: 2, stdout: "false\n" });
  });

  it("fetch-kafka through a TLS-inspecting proxy (an untrusted CA): the error names NODE_EXTRA_CA_CERTS, which then works", async () => {
    const tlsDir = mkdtempSync(join(tmpdir(), "exo-dbaas-proxy-ca-"));
    const tls = await loadOrCreateTls(tlsDir);
    // the chain ends in the proxy's self-signed CA, as such proxies send it
    const proxy = createHttpsServer({ cert: tls.cert + readFileSync(tls.caPath, "utf8"), key: tls.key }, (_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const repo = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}/maven2`;
    const env = { ...baseEnv(), XDG_CACHE_HOME: join(tlsDir, "cache"), EXO_EMULATOR_MAVEN_REPO: repo };
    try {
      const untrusted = await emulator(["fetch-kafka", "--quiet"], env);
      expect(untrusted.code).toBe(2);
      expect(untrusted.stdout).toBe("");
      expect(untrusted.stderr).toMatch(/: self-signed certificate in certificate chain \(behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS to a PEM file holding its CA certificate\)\n$/);
      const trusted = await emulator(["fetch-kafka", "--quiet"], { ...env, NODE_EXTRA_CA_CERTS: tls.caPath });
      expect(trusted.code).toBe(2);
      expect(trusted.stderr).toMatch(/: 404 Not Found\n$/);
      expect(existsSync(join(tlsDir, "cache", "exo-dbaas", "kafka", KAFKA_VERSION))).toBe(false);
    } finally {
      proxy.close();
      rmSync(tlsDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasPinnedJars(REPO_LIBS))("the installed emulator's Kafka jars (a loopback Maven repository serving the pinned jars)", () => {
  let repo: LoopbackServer;
  /** replaces a jar's bytes when set */
  let tamper: string | undefined;
  let cache: string;

  beforeAll(async () => {
    const byName = new Map(KAFKA_JARS.map((j) => [j.path, join(REPO_LIBS, basename(j.path))]));
    repo = await startServer((req, res) => {
      const file = byName.get(req.url.replace(/^\/maven2\//, ""));
      if (!file) return void res.writeHead(404).end();
      const bytes = readFileSync(file);
      if (tamper && req.url.endsWith(tamper)) bytes[bytes.length - 1] = bytes.at(-1)! ^ 1;
      res.writeHead(200).end(bytes);
    });
    cache = mkdtempSync(join(tmpdir(), "exo-dbaas-xdg-"));
  });
  afterAll(async () => {
    await repo.close();
    rmSync(cache, { recursive: true, force: true });
  });

  const jarEnv = (xdg: string) => ({ ...baseEnv(), XDG_CACHE_HOME: xdg, EXO_EMULATOR_MAVEN_REPO: `${repo.origin}/maven2` });
  const fetchKafka = (xdg: string) =>
    // the default release only (without a version, fetch-kafka fetches every pinned one)
    exec(pkg.bin("exo-emulator"), ["fetch-kafka", KAFKA_VERSION], { cwd: elsewhere, env: jarEnv(xdg) }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("fetch-kafka: a jar that does not match its pinned checksum fails the fetch, nothing is cached", async () => {
    tamper = `kafka-clients-${KAFKA_VERSION}.jar`;
    try {
      const xdg = join(cache, "tampered");
      const result = await fetchKafka(xdg);
      expect(result.code, JSON.stringify(result)).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`kafka-clients-${KAFKA_VERSION}.jar: checksum mismatch`);
      expect(existsSync(join(xdg, "exo-dbaas", "kafka", KAFKA_VERSION))).toBe(false);
    } finally {
      tamper = undefined;
    }
  });

  it("fetch-kafka fills $XDG_CACHE_HOME/exo-dbaas/kafka/VERSION, prints it, and a second run verifies the jars and fetches nothing", async () => {
    const xdg = join(cache, "fetched");
    const dir = join(xdg, "exo-dbaas", "kafka", KAFKA_VERSION);
    const first = await fetchKafka(xdg);
    expect(first).toMatchObject({ code: 0, stdout: `${dir}\n` });
    // not a terminal: one line before and one after, no progress redraws
    expect(first.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^Fetching Kafka ${KAFKA_VERSION} \\(${KAFKA_JARS.length} jars, [\\d.]+ MB\\) from http://127\\.0\\.0\\.1:\\d+/maven2 into ${dir}$`)),
      `Kafka ${KAFKA_VERSION}: ${KAFKA_JARS.length} jars verified in ${dir}`,
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".jar")).sort()).toEqual(KAFKA_JARS.map((j) => basename(j.path)).sort());
    for (const jar of KAFKA_JARS) expect(statSync(join(dir, basename(jar.path))).size).toBe(jar.size);
    const sent = repo.requests.length;
    expect(await fetchKafka(xdg)).toEqual({ code: 0, stdout: `${dir}\n`, stderr: `Kafka ${KAFKA_VERSION}: ${KAFKA_JARS.length} jars verified in ${dir}\n` });
    expect(repo.requests.length).toBe(sent);
  });

  it("EXO_EMULATOR_KAFKA_LIBS wins: fetch-kafka fills that directory instead", async () => {
    const libs = join(cache, "own-libs");
    const env = { ...jarEnv(join(cache, "unused")), EXO_EMULATOR_KAFKA_LIBS: libs };
    const { stdout } = await exec(pkg.bin("exo-emulator"), ["fetch-kafka", "--quiet"], { cwd: elsewhere, env });
    expect(stdout).toBe(`${libs}\n`);
    expect(hasPinnedJars(libs)).toBe(true);
    expect(existsSync(join(cache, "unused"))).toBe(false);
  });

  it("--kafka real fetches the jars before it listens when the cache has none", async () => {
    const xdg = join(cache, "auto");
    const { child, stderr } = await startInstalledEmulator(["--kafka", "real"], jarEnv(xdg));
    await stop(child);
    const java = await exec("javac", ["-version"]).then(() => true, () => false);
    // without a JDK there is nothing to run the jars with, and nothing is fetched
    expect(hasPinnedJars(join(xdg, "exo-dbaas", "kafka", KAFKA_VERSION))).toBe(java);
    if (java) expect(stderr()).toContain(`Kafka ${KAFKA_VERSION}: ${KAFKA_JARS.length} jars verified`);
  });
});

describe("exo-dbaas/api and exo-dbaas/emulator, imported from the installed package", () => {
  let consumer: string;
  beforeAll(() => {
    consumer = pkg.consumer();
  });

  it("an in-process emulator and the signed client: typed Kafka endpoints, operations, typed errors", async () => {
    const script = `
      import { startEmulator, DEFAULT_API_KEY } from "exo-dbaas/emulator";
      import { ApiClient, createKafkaUser, getKafkaService, listServices, waitForOperation, AuthError, NotFoundError, zoneEndpoint } from "exo-dbaas/api";
      const emulator = await startEmulator({ seed: true, operationDelayMs: 0 });
      try {
        const client = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret } });
        const out = [emulator.apiKey === DEFAULT_API_KEY, zoneEndpoint("de-muc-1")];
        out.push((await listServices(client)).map((s) => s.name + "/" + s.type));
        const op = await createKafkaUser(client, "test-kafka", "app");
        out.push((await waitForOperation(client, op, { initialDelayMs: 10 })).state);
        out.push((await getKafkaService(client, "test-kafka")).users.map((u) => u.username).sort());
        try { await getKafkaService(client, "nope"); } catch (e) { out.push(e instanceof NotFoundError, e.status); }
        const forged = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: "wrong" }, retry: { retries: 0 } });
        try { await listServices(forged); } catch (e) { out.push(e instanceof AuthError, e.status); }
        out.push(emulator.requests().some((r) => r.path === "/v2/dbaas-kafka/test-kafka/user"));
        console.log(JSON.stringify(out));
      } finally {
        await emulator.close();
      }
    `;
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual([
      true,
      "https://api-de-muc-1.exoscale.com/v2",
      ["test-kafka/kafka"],
      "success",
      ["app", "avnadmin"],
      true,
      404,
      true,
      403,
      true,
    ]);
  });

  it("the example fetches a service's certificates: the CA the emulator signs with, the access pair, mode 0600", async () => {
    const script = `
      import { startEmulator } from "exo-dbaas/emulator";
      import { execFile } from "node:child_process";
      import { promisify } from "node:util";
      import { readFileSync, statSync } from "node:fs";
      const emulator = await startEmulator({ seed: true });
      try {
        const env = { ...process.env, EXOSCALE_API_KEY: emulator.apiKey, EXOSCALE_API_SECRET: emulator.apiSecret, EXOSCALE_API_ENDPOINT: emulator.url };
        // run asynchronously: the emulator answers from this process
        const { stdout: printed } = await promisify(execFile)(process.execPath, ["node_modules/exo-dbaas/examples/fetch-certificates.mjs", "test-kafka", "de-muc-1", "certs"], { env });
        const file = (name) => ({ pem: readFileSync("certs/" + name, "utf8"), mode: (statSync("certs/" + name).mode & 0o777).toString(8) });
        console.log(JSON.stringify({ printed, ca: file("ca.pem"), cert: file("service.cert"), key: file("service.key"), caPem: await emulator.caCertificatePem() }));
      } finally {
        await emulator.close();
      }
    `;
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer });
    type File = { pem: string; mode: string };
    const r = JSON.parse(stdout) as { printed: string; caPem: string; ca: File; cert: File; key: File };
    expect(r.printed).toBe("certs/ca.pem\ncerts/service.cert\ncerts/service.key\n");
    expect(r.ca).toEqual({ pem: r.caPem, mode: "600" });
    expect(r.cert.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    expect(r.key.pem).toMatch(/^-----BEGIN (RSA |EC )?PRIVATE KEY-----\n/);
    expect([r.cert.mode, r.key.mode]).toEqual(["600", "600"]);
  });

  it("ships declarations: a TypeScript consumer type-checks against exo-dbaas/api and exo-dbaas/emulator", async () => {
    writeFileSync(
      join(consumer, "use.ts"),
      `import { ApiClient, getKafkaService, NotFoundError, type KafkaService } from "exo-dbaas/api";
import { startEmulator, type Emulator } from "exo-dbaas/emulator";
const emulator: Emulator = await startEmulator({ seed: true });
const client = new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret } });
const service: KafkaService = await getKafkaService(client, "test-kafka");
const plan: string = service.plan;
const notFound: boolean = new Error() instanceof NotFoundError;
// @ts-expect-error the service name is a string
await getKafkaService(client, 1);
// @ts-expect-error credentials need a secret
new ApiClient({ endpoint: "x", credentials: { key: "k" } });
// @ts-expect-error an unknown emulator option
await startEmulator({ seeded: true });
export { plan, notFound };
`,
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const args = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck",
      "--types", "node", "--typeRoots", join(ROOT, "node_modules", "@types"), "use.ts"];
    const result = await exec(process.execPath, [tsc, ...args], { cwd: consumer }).then(
      () => ({ code: 0, out: "" }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(result).toEqual({ code: 0, out: "" });
  }, 60_000);
});
