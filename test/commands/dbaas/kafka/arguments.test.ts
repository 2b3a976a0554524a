// `exo dbaas kafka` before any broker: every refusal is one error line, exit 1, nothing on stdout and no
// request sent; against the emulator without a broker, one line saying so and how to start one.
import { createServer, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });
const kafka = (...argv: string[]) => s.exo(["dbaas", "kafka", ...argv, "-z", ZONE]);

async function refused(argv: string[], message: string | RegExp): Promise<void> {
  s.emulator.clearRequests();
  const r = await kafka(...argv);
  expect([r.exitCode, r.stdout]).toEqual([1, ""]);
  if (typeof message === "string") expect(r.stderr).toBe(`error: ${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(s.apiRequests()).toEqual([]);
}

describe("dbaas kafka arguments", () => {
  it.each([
    // as an argument, the check every command's arguments get; as --topic, the topic name rule
    [".", /^error: invalid topic( name)? "\.": "\." and "\.\." are not (names|allowed)\n$/],
    ["..", /^error: invalid topic( name)? "\.\.": "\." and "\.\." are not (names|allowed)\n$/],
    ["a b", 'invalid topic name "a b": use letters, digits, ".", "_" and "-"'],
    ["topic/../x", 'invalid topic name "topic/../x": use letters, digits, ".", "_" and "-"'],
    ["é", 'invalid topic name "é": use letters, digits, ".", "_" and "-"'],
    ["t".repeat(250), `invalid topic name "${"t".repeat(250)}": must be 1 to 249 characters long, got 250`],
  ])("refuses the topic name %j in every command that takes one", async (topic, message) => {
    for (const argv of [
      ["topic", "show", SERVICE, topic],
      ["topic", "create", SERVICE, topic],
      ["topic", "delete", SERVICE, topic, "-f"],
      ["produce", SERVICE, topic, "--value", "x"],
      ["consume", SERVICE, topic],
      ["group", "reset-offsets", SERVICE, "g", "--topic", topic, "--to-latest"],
    ]) {
      await refused(argv, message);
    }
  });

  it("accepts a topic name of 249 characters (then says there is no broker)", async () => {
    const r = await kafka("topic", "show", SERVICE, "t".repeat(249));
    expect(r.stderr).toContain("has no Kafka broker");
  });

  it("refuses surplus words, also after --", async () => {
    await refused(["topic", "list", SERVICE, "extra"], 'unexpected argument "extra" (usage: exo dbaas kafka topic list NAME)');
    await refused(["topic", "show", SERVICE, "t", "extra"], 'unexpected argument "extra" (usage: exo dbaas kafka topic show NAME TOPIC)');
    await refused(["group", "show", SERVICE, "g", "--", "extra"], 'unexpected argument "extra" (usage: exo dbaas kafka group show NAME GROUP)');
    const dashed = await s.exo(["dbaas", "kafka", "topic", "show", "-z", ZONE, SERVICE, "--", "--partitions"]);
    // after --, "--partitions" is a word, and a valid topic name: the command goes on to the service
    expect([dashed.exitCode, dashed.stdout]).toEqual([1, ""]);
    expect(dashed.stderr).toContain("has no Kafka broker");
    const flagged = await s.exo(["dbaas", "kafka", "topic", "show", "-z", ZONE, SERVICE, "--partitions"]);
    expect([flagged.exitCode, flagged.stdout]).toEqual([1, ""]);
    expect(flagged.stderr).not.toContain("has no Kafka broker");
  });

  it.each([
    [["topic", "create", SERVICE, "t", "--partitions", "0"], "invalid --partitions 0: must be 1 to 100000"],
    [["topic", "create", SERVICE, "t", "--replication-factor", "-1"], "invalid --replication-factor -1: must be 1 to 32767"],
    [["topic", "create", SERVICE, "t", "--topic-config", "retention.ms"], 'invalid --topic-config "retention.ms": expected KEY=VALUE with a Kafka topic config name such as retention.ms'],
    [["topic", "create", SERVICE, "t", "--topic-config", "Bad Key=1"], 'invalid --topic-config "Bad Key=1": expected KEY=VALUE with a Kafka topic config name such as retention.ms'],
    [["topic", "create", SERVICE, "t", "--topic-config", "a.b=1", "--topic-config", "a.b=2"], 'invalid --topic-config: "a.b" is given twice'],
    [["topic", "delete", SERVICE, "t"], 'refusing to delete topic "t" without confirmation: stdin is not a terminal; pass -f/--force'],
    // the refusal comes before the connection flags are read, as it always did
    [["topic", "delete", SERVICE, "t", "--connect-timeout", "0s"], 'refusing to delete topic "t" without confirmation: stdin is not a terminal; pass -f/--force'],
    [["topic", "delete", SERVICE, "t", "-f", "--connect-timeout", "0s"], 'invalid --connect-timeout "0s": must be a positive duration such as 10s'],
    [["topic", "list", SERVICE, "--auth", "kerberos"], 'invalid --auth "kerberos": expected certificate or sasl'],
    [["topic", "list", SERVICE, "--user", "-x"], 'invalid username "-x": use letters, digits, ".", "_", "-", "@" or "+" (not starting with "-")'],
    [["topic", "list", SERVICE, "--connect-timeout", "0s"], 'invalid --connect-timeout "0s": must be a positive duration such as 10s'],
    [["produce", SERVICE, "t", "--value", "v", "--key-separator", ":"], "--key-separator applies to lines read from stdin, not to --value"],
    [["produce", SERVICE, "t", "--value", "v", "--partition", "-1"], "invalid --partition -1: must be 0 or more"],
    [["produce", SERVICE, "t", "--value", "v", "--header", "novalue"], 'invalid --header "novalue": expected KEY=VALUE'],
    [["produce", SERVICE, "t"], "no record to write: stdin was empty (give lines on stdin or --value)"],
    [["consume", SERVICE, "t", "--offset", "3"], "--offset needs --partition"],
    [["consume", SERVICE, "t", "--offset", "-3", "--partition", "0"], 'invalid --offset "-3": must be an offset (0 or more)'],
    [["consume", SERVICE, "t", "--offset", "1", "--partition", "0", "--from-beginning"], "--offset cannot be combined with --from-beginning or --group"],
    [["consume", SERVICE, "t", "--max-messages", "0"], "invalid --max-messages 0: must be 1 or more"],
    [["consume", SERVICE, "t", "--idle-timeout", "0s"], 'invalid --idle-timeout "0s": must be a positive duration such as 5s'],
    [["consume", SERVICE, "t", "--group", "a\u001bb"], 'invalid group "a\\x1bb": must not contain control characters'],
    [["group", "show", SERVICE, "a b"], 'invalid group "a b": must not contain white space'],
    [["group", "reset-offsets", SERVICE, "g", "--to-earliest"], "--topic is required"],
    [["group", "reset-offsets", SERVICE, "g", "--topic", "t"], "give exactly one of --to-earliest, --to-latest, --to-datetime, --shift-by"],
    [["group", "reset-offsets", SERVICE, "g", "--topic", "t", "--to-earliest", "--to-latest"], "give exactly one of --to-earliest, --to-latest, --to-datetime, --shift-by (got --to-earliest, --to-latest)"],
    [["group", "reset-offsets", SERVICE, "g", "--topic", "t", "--to-datetime", "yesterday"], 'invalid --to-datetime "yesterday": expected RFC 3339, such as 2026-01-02T15:04:05Z'],
    [["group", "reset-offsets", SERVICE, "g", "--topic", "t", "--shift-by", "1.5"], 'invalid --shift-by "1.5": expected a whole number of records, such as -10 or 5'],
  ])("refuses %j before any request", async (argv, message) => {
    await refused(argv, message);
  });

  it("produce refuses a line without the key separator, before connecting", async () => {
    s.emulator.clearRequests();
    const r = await s.exo(["dbaas", "kafka", "produce", SERVICE, "t", "-z", ZONE, "--key-separator", ":"], { input: ["k:v", "no separator"] });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, "", 'error: line 2 has no key separator ":": nothing was written\n']);
    expect(s.apiRequests()).toEqual([]);
  });

  it("on the emulator without a broker: one line saying so and how to start one", async () => {
    for (const argv of [["topic", "list", SERVICE], ["group", "list", SERVICE], ["consume", SERVICE, "t"]]) {
      const r = await kafka(...argv);
      expect([r.exitCode, r.stdout, r.stderr]).toEqual([
        1,
        "",
        `error: service "${SERVICE}" has no Kafka broker: the emulator runs without one; start it with exo-emulator --kafka real (or npm run emulator -- --kafka real)\n`,
      ]);
    }
  });

  it("an API failure on the way to the credentials: the client's one line, retried reads, nothing on stdout", async () => {
    s.emulator.faults.inject({ kind: "status", status: 503, count: 2, method: "GET", path: `/v2/dbaas-kafka/${SERVICE}` });
    const survived = await s.exo(["dbaas", "kafka", "topic", "list", SERVICE, "-z", ZONE], { env: { EXO_DBAAS_RETRY_BASE_MS: "1" } });
    expect(survived.stderr).toContain("has no Kafka broker");
    s.emulator.faults.inject({ kind: "status", status: 500, count: 100, method: "GET", path: `/v2/dbaas-kafka/${SERVICE}` });
    try {
      const failed = await s.exo(["dbaas", "kafka", "topic", "list", SERVICE, "-z", ZONE], { env: { EXO_DBAAS_RETRY_BASE_MS: "1" } });
      expect([failed.exitCode, failed.stdout]).toEqual([1, ""]);
      expect(failed.stderr).toBe("error: Internal Server Error: Internal Server Error (gave up after 5 attempts)\n");
    } finally {
      s.emulator.faults.clear();
    }
  });

  it("a broker address that accepts connections and never answers: the connect timeout, the IP filter named, exit 5", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket)).listen(0, "127.0.0.1");
    await new Promise((done) => silent.once("listening", done));
    const port = (silent.address() as AddressInfo).port;
    const service = await s.service();
    const components = (service.components ?? []).map((c) => (c.component === "kafka" ? { ...c, host: "127.0.0.1", port } : c));
    s.emulator.canned({ method: "GET", path: `/dbaas-kafka/${SERVICE}`, status: 200, body: JSON.stringify({ ...service, components }) });
    try {
      const started = Date.now();
      const r = await kafka("topic", "list", SERVICE, "--connect-timeout", "1s");
      expect(Date.now() - started).toBeLessThan(10_000);
      expect([r.exitCode, r.stdout]).toEqual([5, ""]);
      expect(r.stderr).toBe(
        `error: no answer from the Kafka brokers of service "${SERVICE}" (127.0.0.1:${port}) within 1s (timed out): check that this address is allowed by the service's IP filter (exo dbaas show ${SERVICE} -z ${ZONE} --output-template '{{.Kafka.IPFilter}}')\n`,
      );
    } finally {
      s.emulator.clearCanned();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("an unknown service: exo's not-found line", async () => {
    const r = await kafka("topic", "list", "nope");
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, "", `error: "nope" Database Service not found in zone "${ZONE}"\n`]);
  });

  it("help shows the examples and the template annotations", async () => {
    const r = await s.exo(["dbaas", "kafka", "consume", "--help"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("exo dbaas kafka consume test-kafka demo-topic -z de-muc-1 --from-beginning \\\n    --max-messages 10");
    expect(r.stdout).toContain("  * Record:\n      .Topic .Partition .Offset .Timestamp .Key .KeyEncoding .Value\n      .ValueEncoding .Headers\n  * .Headers[]: .Key .KeyEncoding .Value .ValueEncoding\n");
    const group = await s.exo(["dbaas", "kafka", "--help"]);
    expect(group.stdout).toMatch(/topic +Manage the topics of a Kafka service/);
  });
});
