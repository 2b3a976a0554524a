import { describe, expect, it } from "vitest";
import {
  formatGoFloat,
  formatGoJSONValue,
  goTimeString,
  humanizeBytes,
  humanizeIBytes,
  wordWrap,
} from "../../src/output/go-format.js";
import { redactURL } from "../../src/output/url.js";
import { GoTime } from "../../src/templates/values.js";

describe("humanize", () => {
  it("IBytes uses binary units, one decimal below 10", () => {
    expect(humanizeIBytes(0)).toBe("0 B");
    expect(humanizeIBytes(9)).toBe("9 B");
    expect(humanizeIBytes(1023)).toBe("1023 B");
    expect(humanizeIBytes(1024)).toBe("1.0 KiB");
    expect(humanizeIBytes(2147483648)).toBe("2.0 GiB");
    expect(humanizeIBytes(8589934592)).toBe("8.0 GiB");
    expect(humanizeIBytes(96636764160)).toBe("90 GiB");
    expect(humanizeIBytes(644245094400)).toBe("600 GiB");
    expect(humanizeIBytes(1.5 * 1024 ** 4)).toBe("1.5 TiB");
  });

  it("Bytes uses SI units and rounds halves to even", () => {
    expect(humanizeBytes(2147483648)).toBe("2.1 GB");
    expect(humanizeBytes(8589934592)).toBe("8.6 GB");
    expect(humanizeBytes(96636764160)).toBe("97 GB");
    expect(humanizeBytes(600_000_000)).toBe("600 MB");
    expect(humanizeBytes(10_500)).toBe("10 kB");
    expect(humanizeBytes(11_500)).toBe("12 kB");
  });
});

describe("Go time String()", () => {
  it("trims fractions and prints the zone", () => {
    expect(goTimeString(GoTime.parse("2024-05-02T09:10:11.123456Z")!)).toBe("2024-05-02 09:10:11.123456 +0000 UTC");
    expect(goTimeString(GoTime.parse("2021-11-01T15:11:37Z")!)).toBe("2021-11-01 15:11:37 +0000 UTC");
    expect(goTimeString(GoTime.parse("2024-05-02T09:10:11.5+01:00")!)).toBe("2024-05-02 09:10:11.5 +0100 +0100");
    expect(goTimeString(GoTime.zero())).toBe("0001-01-01 00:00:00 +0000 UTC");
  });
});

describe("wordWrap (go-wordwrap)", () => {
  it("breaks at spaces before 50 columns and keeps long words whole", () => {
    expect(wordWrap("The number of hours to keep a log file before deleting it", 50)).toBe(
      "The number of hours to keep a log file before\ndeleting it",
    );
    expect(wordWrap("a ".repeat(3) + "x".repeat(60) + " b", 50)).toBe("a a a\n" + "x".repeat(60) + "\nb");
    expect(wordWrap("line one\nline two", 5)).toBe("line\none\nline\ntwo");
    expect(wordWrap("no\u00a0break\u00a0here at all", 10)).toBe("no\u00a0break\u00a0here\nat all");
  });
});

describe("fmt %v of JSON values", () => {
  it("prints float64 like Go", () => {
    expect(formatGoFloat(1000)).toBe("1000");
    expect(formatGoFloat(300000)).toBe("300000");
    expect(formatGoFloat(1048576)).toBe("1.048576e+06");
    expect(formatGoFloat(3600000)).toBe("3.6e+06");
    expect(formatGoFloat(2147483647)).toBe("2.147483647e+09");
    expect(formatGoFloat(9223372036854775807)).toBe("9.223372036854776e+18");
    expect(formatGoFloat(0.2)).toBe("0.2");
    expect(formatGoFloat(0.00001)).toBe("1e-05");
    expect(formatGoFloat(-1)).toBe("-1");
  });

  it("prints other decoded values", () => {
    expect(formatGoJSONValue(null)).toBe("<nil>");
    expect(formatGoJSONValue(["a", 1e6, true])).toBe("[a 1e+06 true]");
    expect(formatGoJSONValue({ b: 1, a: "x" })).toBe("map[a:x b:1]");
    expect(formatGoJSONValue(9223372036854775807n)).toBe("9.223372036854776e+18");
  });
});

describe("redactURL (url.Parse + Redacted)", () => {
  it("hides passwords and re-serialises", () => {
    expect(redactURL("kafka+ssl://avnadmin:s3cr3t@host:21701/path?x=1")).toBe("kafka+ssl://avnadmin:xxxxx@host:21701/path?x=1");
    expect(redactURL("HTTPS://user@host")).toBe("https://user@host");
  });

  it("keeps host:port forms and what Go cannot parse", () => {
    expect(redactURL("test-kafka.aivencloud.com:21701")).toBe("test-kafka.aivencloud.com:21701");
    expect(redactURL("Kafka.Example.com:9092")).toBe("kafka.example.com:9092");
    expect(redactURL("10.0.0.1:21701")).toBe("10.0.0.1:21701");
    expect(redactURL("")).toBe("");
    expect(redactURL("https://u:p@host:port/")).toBe("https://u:p@host:port/");
  });
});
