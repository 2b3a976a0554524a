// exo dbaas logs: what it sends, how it prints, and exo's errors.
import { describe, expect, it } from "vitest";
import { useCannedEmulator } from "../../helpers/session.js";

const t = useCannedEmulator();
const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: "" });
const LOGS = ["dbaas", "logs", "test-kafka"];
const LOGS_PATH = "/dbaas-service-logs/test-kafka";

const page = {
  offset: "1234",
  "first-log-offset": "1000",
  logs: [
    { time: "2024-05-02T09:10:11.123456Z", node: "test-kafka-1", unit: "kafka.service", message: "started <broker> & ready" },
    { time: "2024-05-02T09:10:12Z", node: "test-kafka-2", unit: "kafka.service", message: "two\nlines" },
    { time: "2024-05-02T09:10:13.5Z" },
  ],
};

const sentBodies = () => t.emulator.requests().filter((r) => r.method === "POST").map((r) => r.body);

describe("dbaas logs", () => {
  it("sends only the flags given, as exo: {} by default although help shows --limit 10 and --sort desc", async () => {
    await t.can("POST", LOGS_PATH, page);
    await t.exo(LOGS);
    await t.exo([...LOGS, "--limit", "3", "--sort", "asc", "-o", "42"]);
    await t.exo([...LOGS, "-l", "10"]);
    await t.exo([...LOGS, "-l", "0x10"]); // pflag reads int64 flags with strconv.ParseInt(s, 0, 64)
    await t.exo([...LOGS, "-l", "0", "--offset", "", "--sort", ""]); // the SDK's omitempty drops zero values
    expect(sentBodies()).toEqual([{}, { limit: 3, "sort-order": "asc", offset: "42" }, { limit: 10 }, { limit: 16 }, {}]);
  });

  it("table: TIME | NODE | UNIT | MESSAGE, times as Go's time.String(), missing strings empty", async () => {
    await t.can("POST", LOGS_PATH, page);
    expect(await t.exo(LOGS)).toEqual(
      ok(
        [
          "|                 TIME                 |     NODE     |     UNIT      |         MESSAGE          |",
          "|--------------------------------------|--------------|---------------|--------------------------|",
          "| 2024-05-02 09:10:11.123456 +0000 UTC | test-kafka-1 | kafka.service | started <broker> & ready |",
          "| 2024-05-02 09:10:12 +0000 UTC        | test-kafka-2 | kafka.service | two                      |",
          "|                                      |              |               | lines                    |",
          "| 2024-05-02 09:10:13.5 +0000 UTC      |              |               |                          |",
          "",
        ].join("\n"),
      ),
    );
  });

  it("-O json: exo's field names, RFC 3339 times, nothing HTML-escaped", async () => {
    await t.can("POST", LOGS_PATH, page);
    expect(await t.exo([...LOGS, "-O", "json"])).toEqual(
      ok(
        '{"first_log_offset":"1000","offset":"1234","logs":[' +
          '{"time":"2024-05-02T09:10:11.123456Z","node":"test-kafka-1","unit":"kafka.service","message":"started <broker> & ready"},' +
          '{"time":"2024-05-02T09:10:12Z","node":"test-kafka-2","unit":"kafka.service","message":"two\\nlines"},' +
          '{"time":"2024-05-02T09:10:13.5Z","node":"","unit":"","message":""}]}\n',
      ),
    );
  });

  it("templates: the help's example prints the messages; .Time is a Go time", async () => {
    await t.can("POST", LOGS_PATH, page);
    expect(await t.exo([...LOGS, "--output-template", "{{range $l := .Logs}}{{println $l.Message}}{{end}}"])).toEqual(
      ok("started <broker> & ready\ntwo\nlines\n\n"),
    );
    expect(await t.exo([...LOGS, "--output-template", '{{(index .Logs 0).Time.Format "15:04:05.000"}} {{.Offset}}'])).toEqual(ok("09:10:11.123 1234"));
  });

  it("an empty page: JSON has an empty array, the table prints nothing", async () => {
    await t.can("POST", LOGS_PATH, { logs: [] });
    expect(await t.exo([...LOGS, "-O", "json"])).toEqual(ok('{"first_log_offset":"","offset":"","logs":[]}\n'));
    expect(await t.exo(LOGS)).toEqual(ok(""));
  });

  it("a time Go cannot parse fails the command with Go's message and prints nothing", async () => {
    await t.can("POST", LOGS_PATH, { logs: [page.logs[0], { time: "2024-05-02 09:10:11" }] });
    expect(await t.exo(LOGS)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: unable to parse log timestamp: parsing time "2024-05-02 09:10:11" as "2006-01-02T15:04:05.999999Z": cannot parse " 09:10:11" as "T"\n',
    });
  });

  it("a bad --limit is refused in pflag's words before any request", async () => {
    expect(await t.exo([...LOGS, "-l", "ten"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: invalid argument "ten" for "-l, --limit" flag: strconv.ParseInt: parsing "ten": invalid syntax\n',
    });
    expect(t.requests()).toEqual([]);
  });

  it("an unknown service: exo's resource-not-found message", async () => {
    expect(await t.exo(["dbaas", "logs", "nope", "-z", "de-muc-1"])).toEqual({ exitCode: 1, stdout: "", stderr: 'error: resource not found in zone "de-muc-1"\n' });
  });

  it("`dbaas get NAME` runs logs, as cobra resolves exo's shared alias", async () => {
    await t.can("POST", LOGS_PATH, page);
    expect(await t.exo(["dbaas", "get", "test-kafka", "-O", "json"])).toEqual(await t.exo([...LOGS, "-O", "json"]));
    expect(t.requests().every((r) => r === `POST /v2${LOGS_PATH}`)).toBe(true);
  });
});
