// credentials download|user rotate --client/--auth and credentials check --connect against the in-process
// emulator: refusals before any request, the file set on disk, re-runs, and SASL only when the service has it.
import { chmodSync, existsSync, lstatSync, renameSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiClient } from "../../../../../src/api/client.js";
import { resetKafkaUserPassword } from "../../../../../src/api/dbaas.js";
import { makeImmutable } from "../../../../helpers/obstacles.js";
import { openSession, SERVICE, ZONE, type Session } from "../../../../helpers/session.js";
import { tempDir } from "../../../../helpers/temp-dir.js";

let s: Session;
beforeAll(async () => {
  s = await openSession();
});
afterAll(() => s.emulator.close());
beforeEach(() => s.emulator.clearRequests());

const Z = ["-z", ZONE];
const download = (dir: string, ...flags: string[]) => s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--dir", dir, ...flags]);
const PEMS = ["ca.pem", "avnadmin.cert.pem", "avnadmin.key.pem"];

describe("credentials download --client", () => {
  it("writes the PEMs and every configuration, each 0600, and prints every path", async () => {
    const dir = tempDir();
    const result = await download(dir, "--client", "env,java", "--client", "librdkafka");
    expect(result.stderr).toBe("");
    const names = [...PEMS, "avnadmin.env", "avnadmin.client.properties", "avnadmin.keystore.p12", "truststore.p12", "avnadmin.librdkafka.conf"];
    expect(result.stdout).toBe(names.map((n) => `${dir}/${n}\n`).join(""));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    for (const name of names) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    const properties = readFileSync(join(dir, "avnadmin.client.properties"), "utf8");
    expect(properties).toContain("security.protocol=SSL\n");
    expect(properties).toContain(`ssl.keystore.location=${dir}/avnadmin.keystore.p12\n`);
    expect(properties).toContain("ssl.endpoint.identification.algorithm=https\n");
    const service = await s.service();
    const certificateListener = service.components!.find((c) => c.component === "kafka" && c["kafka-authentication-method"] === "certificate")!;
    expect(readFileSync(join(dir, "avnadmin.librdkafka.conf"), "utf8")).toContain(`bootstrap.servers=${certificateListener.host}:${certificateListener.port}\n`);
    expect(s.mutations()).toEqual([]);
  });

  it("lists every path in JSON and .Files; without --client the output is as before", async () => {
    const dir = tempDir();
    const json = JSON.parse((await download(dir, "--client", "env", "-O", "json")).stdout);
    expect(json).toEqual({ ca: `${dir}/ca.pem`, cert: `${dir}/avnadmin.cert.pem`, key: `${dir}/avnadmin.key.pem`, files: [...PEMS, "avnadmin.env"].map((n) => `${dir}/${n}`) });
    const plain = JSON.parse((await download(tempDir(), "-O", "json")).stdout);
    expect(Object.keys(plain)).toEqual(["ca", "cert", "key"]);
  });

  it("keeps identical files on a second run, refuses to replace a changed one without --force, writes nothing then", async () => {
    const dir = tempDir();
    expect((await download(dir, "--client", "env,librdkafka")).exitCode).toBe(0);
    const again = await download(dir, "--client", "env,librdkafka");
    expect(again.exitCode, again.stderr).toBe(0);

    writeFileSync(join(dir, "avnadmin.env"), "edited\n");
    const before = readdirSync(dir).sort();
    const refused = await download(dir, "--client", "env,java");
    expect(refused).toMatchObject({ exitCode: 1, stdout: "" });
    expect(refused.stderr).toBe(`error: ${dir}/avnadmin.env already exists (use --force to overwrite it)\n`);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, "avnadmin.env"), "utf8")).toBe("edited\n");

    expect((await download(dir, "--client", "env,java", "--force")).exitCode).toBe(0);
    expect(readFileSync(join(dir, "avnadmin.env"), "utf8")).toContain("KAFKA_SECURITY_PROTOCOL='SSL'\n");
  });

  it("keeps a Java set that already holds these credentials: same key store, same password, same bytes", async () => {
    const dir = tempDir();
    expect((await download(dir, "--client", "java")).exitCode).toBe(0);
    const read = () => ["avnadmin.client.properties", "avnadmin.keystore.p12", "truststore.p12"].map((n) => readFileSync(join(dir, n)));
    const first = read();
    const again = await download(dir, "--client", "java");
    expect(again.exitCode, again.stderr).toBe(0);
    expect(read()).toEqual(first);

    // a key store that no longer opens with the password in the properties is not reused: replaced with --force only
    writeFileSync(join(dir, "avnadmin.client.properties"), first[0]!.toString().replace(/(ssl\.keystore\.password=)\w+/, "$1WrongPassword0000000"));
    expect((await download(dir, "--client", "java")).stderr).toBe(`error: ${dir}/avnadmin.client.properties already exists (use --force to overwrite it)\n`);
    expect((await download(dir, "--client", "java", "--force")).exitCode).toBe(0);
    expect(readFileSync(join(dir, "avnadmin.keystore.p12"))).not.toEqual(first[1]);
  });

  it("refuses SASL configurations when the service does not have SASL enabled, writing nothing", async () => {
    const dir = tempDir();
    const result = await download(dir, "--client", "env", "--auth", "sasl");
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toContain(`SASL authentication is not enabled on service "${SERVICE}"`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes the SASL port, mechanism and the revealed password once SASL is enabled", async () => {
    expect((await s.exo(["dbaas", "update", SERVICE, ...Z, "--kafka-enable-sasl-auth", "true", "--force"])).exitCode).toBe(0);
    const dir = tempDir();
    const result = await download(dir, "--client", "env,librdkafka,java", "--auth", "sasl");
    expect(result.stderr).toBe("");
    expect(readdirSync(dir)).not.toContain("avnadmin.keystore.p12");
    const service = await s.service();
    const sasl = service.components!.find((c) => c["kafka-authentication-method"] === "sasl")!;
    const reveal = JSON.parse((await s.exo(["dbaas", "user", "reveal-secrets", SERVICE, "avnadmin", ...Z, "-O", "json"])).stdout);
    const env = readFileSync(join(dir, "avnadmin.env"), "utf8");
    expect(env).toContain(`KAFKA_BOOTSTRAP_SERVERS='${sasl.host}:${sasl.port}'\n`);
    expect(env).toContain("KAFKA_SASL_MECHANISM='SCRAM-SHA-256'\n");
    expect(env).toContain(`KAFKA_SASL_PASSWORD='${reveal.password}'\n`);
    expect(readFileSync(join(dir, "avnadmin.client.properties"), "utf8")).toContain(`password="${reveal.password}";\n`);
    expect(result.stdout).not.toContain(reveal.password);
  });

  it("refuses a password a client would read back otherwise (a line break: more JAAS options), naming file and client, writing nothing", async () => {
    const api = new ApiClient({ endpoint: s.emulator.url, credentials: { key: s.emulator.apiKey, secret: s.emulator.apiSecret }, headers: { "Exoscale-Zone": ZONE } });
    await resetKafkaUserPassword(api, SERVICE, "avnadmin", "pass\ntokenauth=true x=\"");
    const dir = tempDir();
    const result = await download(dir, "--client", "env,java", "--auth", "sasl");
    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `error: cannot write the password in sasl.jaas.config to ${dir}/avnadmin.client.properties: Java clients would not read it back as written (it holds a line break, which ends a JAAS string)\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
    // sh reads a line break back as written
    expect((await download(dir, "--client", "env", "--auth", "sasl")).exitCode).toBe(0);
    await resetKafkaUserPassword(api, SERVICE, "avnadmin");
  });

  it("makes files kept because identical 0600, as written ones are (not through a symbolic link)", async () => {
    const dir = tempDir();
    expect((await download(dir, "--client", "env")).exitCode).toBe(0);
    chmodSync(join(dir, "ca.pem"), 0o666);
    chmodSync(join(dir, "avnadmin.key.pem"), 0o644);
    chmodSync(join(dir, "avnadmin.env"), 0o644);
    const outside = tempDir();
    renameSync(join(dir, "avnadmin.cert.pem"), join(outside, "cert.pem"));
    chmodSync(join(outside, "cert.pem"), 0o644);
    symlinkSync(join(outside, "cert.pem"), join(dir, "avnadmin.cert.pem"));
    const again = await download(dir, "--client", "env");
    expect(again.exitCode, again.stderr).toBe(0);
    for (const name of ["ca.pem", "avnadmin.key.pem", "avnadmin.env"]) expect((statSync(join(dir, name)).mode & 0o777).toString(8), name).toBe("600");
    expect(lstatSync(join(dir, "avnadmin.cert.pem")).isSymbolicLink()).toBe(true);
    expect(statSync(join(outside, "cert.pem")).mode & 0o777).toBe(0o644);
  });

  it.each([
    [["--client", "jva"], 'invalid --client "jva"'],
    [["--client", ""], 'invalid --client ""'],
    [["--auth", "sasl"], "--auth applies to the client configurations: give --client too"],
    [["--client", "env", "--auth", "SASL"], 'invalid --auth "SASL"'],
  ])("refuses %j before any request", async (flags, message) => {
    const dir = tempDir();
    const result = await download(dir, ...flags);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toContain(message);
    expect(s.apiRequests()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("credentials download --client: the PEMs and the configurations change as one set", () => {
  const CLIENT = ["--client", "java,librdkafka,env"];
  const NAMES = [...PEMS, "avnadmin.client.properties", "avnadmin.keystore.p12", "truststore.p12", "avnadmin.librdkafka.conf", "avnadmin.env"];
  const withOldSet = () => {
    const dir = tempDir();
    NAMES.forEach((n) => writeFileSync(join(dir, n), `old ${n}\n`));
    return { dir, contents: () => NAMES.map((n) => readFileSync(join(dir, n), "utf8")), old: NAMES.map((n) => `old ${n}\n`) };
  };

  it("an immutable old avnadmin.env (the last move fails): the seven files already moved are taken back", async (ctx) => {
    const { dir, contents, old } = withOldSet();
    const undo = makeImmutable(join(dir, "avnadmin.env"));
    if (!undo) return ctx.skip();
    try {
      const result = await download(dir, ...CLIENT, "--force");
      expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: cannot put ${dir}/avnadmin.env in place: operation not permitted\n` });
      expect(contents()).toEqual(old);
      expect(readdirSync(dir).sort()).toEqual([...NAMES].sort());
    } finally {
      undo();
    }
  });

  it("a directory at a configuration's path is refused before writing, even with --force", async () => {
    const { dir } = withOldSet();
    const keyStore = join(dir, "avnadmin.keystore.p12");
    rmSync(keyStore);
    mkdirSync(keyStore);
    expect(await download(dir, ...CLIENT, "--force")).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${keyStore} is a directory\n` });
    const others = NAMES.filter((n) => n !== "avnadmin.keystore.p12");
    expect(others.map((n) => readFileSync(join(dir, n), "utf8"))).toEqual(others.map((n) => `old ${n}\n`));
    expect(readdirSync(dir).sort()).toEqual([...NAMES].sort());
  });

  it("a template failing on .Files fails before any request; a configuration at a PEM's name is refused, nothing written", async () => {
    const dir = tempDir();
    const template = await download(dir, ...CLIENT, "--output-template", "{{index .Files 20}}");
    expect(template).toMatchObject({ exitCode: 1, stdout: "" });
    expect(template.stderr).toMatch(/^error: .*index out of range/);
    expect(s.apiRequests()).toEqual([]);
    const clash = await download(dir, "--client", "env", "--key-file", "avnadmin.env");
    expect(clash).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${dir}/avnadmin.env would be written twice: choose other file names\n` });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a dangling symlink at a configuration's path blocks only without --force, and is replaced as a link", async () => {
    const dir = tempDir();
    const target = join(tempDir(), "gone", "app.env");
    symlinkSync(target, join(dir, "avnadmin.env"));
    expect((await download(dir, "--client", "env")).stderr).toBe(`error: ${dir}/avnadmin.env already exists (use --force to overwrite it)\n`);
    expect(readdirSync(dir)).toEqual(["avnadmin.env"]);
    expect((await download(dir, "--client", "env", "--force")).exitCode).toBe(0);
    expect(lstatSync(join(dir, "avnadmin.env")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, "avnadmin.env"), "utf8")).toContain("KAFKA_SECURITY_PROTOCOL='SSL'\n");
    expect(existsSync(target)).toBe(false);
  });
});

describe("user rotate --client", () => {
  it("writes NEW's configurations before deleting OLD and reports each file", async () => {
    expect((await s.exo(["dbaas", "user", "create", SERVICE, "rot-v1", ...Z])).exitCode).toBe(0);
    const dir = tempDir();
    const result = await s.exo(["dbaas", "user", "rotate", SERVICE, "rot-v1", "rot-v2", ...Z, "--dir", dir, "--client", "env,java"]);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const name of ["rot-v2.env", "rot-v2.client.properties", "rot-v2.keystore.p12", "truststore.p12"]) expect(result.stdout).toContain(`wrote ${dir}/${name}\n`);
    expect(result.stdout).toMatch(/wrote .*truststore\.p12\ndeleted user "rot-v1"\n$/);
    expect(readFileSync(join(dir, "rot-v2.env"), "utf8")).toContain(`KAFKA_SSL_KEYFILE='${dir}/rot-v2.key.pem'\n`);
  });

  it("with --auth sasl: NEW's SASL configuration holds NEW's name and password, and OLD's is removed with OLD", async () => {
    expect((await s.exo(["dbaas", "update", SERVICE, ...Z, "--kafka-enable-sasl-auth", "true", "--force"])).exitCode).toBe(0);
    expect((await s.exo(["dbaas", "user", "create", SERVICE, "sasl-v1", ...Z])).exitCode).toBe(0);
    const dir = tempDir();
    const sasl = ["--client", "env,librdkafka", "--auth", "sasl"];
    expect((await s.exo(["dbaas", "credentials", "download", SERVICE, ...Z, "--user", "sasl-v1", "--dir", dir, ...sasl])).exitCode).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(["sasl-v1.env", "sasl-v1.librdkafka.conf"]));

    const result = await s.exo(["dbaas", "user", "rotate", SERVICE, "sasl-v1", "sasl-v2", ...Z, "--dir", dir, ...sasl]);
    expect(result.exitCode, result.stderr).toBe(0);
    const reveal = JSON.parse((await s.exo(["dbaas", "user", "reveal-secrets", SERVICE, "sasl-v2", ...Z, "-O", "json"])).stdout);
    const env = readFileSync(join(dir, "sasl-v2.env"), "utf8");
    expect(env).toContain("KAFKA_SECURITY_PROTOCOL='SASL_SSL'\n");
    expect(env).toContain("KAFKA_SASL_USERNAME='sasl-v2'\n");
    expect(env).toContain(`KAFKA_SASL_PASSWORD='${reveal.password}'\n`);
    expect(readFileSync(join(dir, "sasl-v2.librdkafka.conf"), "utf8")).toContain("sasl.username=sasl-v2\n");
    expect(result.stdout).not.toContain(reveal.password);
    const names = readdirSync(dir);
    expect(names.filter((n) => n.startsWith("sasl-v1."))).toEqual([]);
    for (const name of names) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    expect(await s.usernames()).not.toContain("sasl-v1");
  });
});

describe("credentials check --connect", () => {
  it.each([
    [["--auth", "sasl"], "--auth applies to --connect only"],
    [["--dir", "x"], "--dir applies to --connect only"],
    [["--connect", "--min-days", "3"], "--min-days does not apply to --connect"],
    [["--connect", "--auth", "both"], 'invalid --auth "both"'],
  ])("refuses %j before any request", async (flags, message) => {
    const result = await s.exo(["dbaas", "credentials", "check", SERVICE, ...Z, ...flags]);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toContain(message);
    expect(s.apiRequests()).toEqual([]);
  });

  it("says which file is missing and how to write it", async () => {
    const dir = tempDir();
    const result = await s.exo(["dbaas", "credentials", "check", SERVICE, ...Z, "--connect", "--dir", dir]);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toBe(`error: cannot read ${dir}/ca.pem (ENOENT): write it with exo dbaas credentials download ${SERVICE} -z ${ZONE} --user avnadmin --dir ${dir}\n`);
  });
});
