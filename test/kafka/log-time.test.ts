// parseLogTime against Go: every expected value below is what go1.26.8's
// time.Parse("2006-01-02T15:04:05.999999Z", input) gave (String() and json.Marshal, or Error()).
import { describe, expect, it } from "vitest";
import { thrownBy } from "../helpers/thrown.js";
import { LogTimeError, parseLogTime } from "../../src/kafka/views/log-time.js";
import { goTimeRFC3339, goTimeString } from "../../src/output/go-format.js";

type Want = { string: string; json: string } | { error: string };

const CASES: [string, Want][] = [
  ["", { error: "parsing time \"\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"\" as \"2006\"" }],
  ["2024-01-02T03:04:05.123456Z", { string: "2024-01-02 03:04:05.123456 +0000 UTC", json: "2024-01-02T03:04:05.123456Z" }],
  ["2024-01-02T03:04:05Z", { string: "2024-01-02 03:04:05 +0000 UTC", json: "2024-01-02T03:04:05Z" }],
  ["2024-01-02T03:04:05.1Z", { string: "2024-01-02 03:04:05.1 +0000 UTC", json: "2024-01-02T03:04:05.1Z" }],
  ["2024-01-02T03:04:05.123456789Z", { string: "2024-01-02 03:04:05.123456789 +0000 UTC", json: "2024-01-02T03:04:05.123456789Z" }],
  ["2024-01-02T03:04:05.1234567891234Z", { string: "2024-01-02 03:04:05.123456789 +0000 UTC", json: "2024-01-02T03:04:05.123456789Z" }],
  ["2024-01-02T03:04:05,5Z", { string: "2024-01-02 03:04:05.5 +0000 UTC", json: "2024-01-02T03:04:05.5Z" }],
  ["2024-01-02T03:04:05.Z", { error: "parsing time \"2024-01-02T03:04:05.Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \".Z\" as \"Z\"" }],
  ["2024-01-02T3:04:05Z", { string: "2024-01-02 03:04:05 +0000 UTC", json: "2024-01-02T03:04:05Z" }],
  ["2024-1-02T03:04:05Z", { error: "parsing time \"2024-1-02T03:04:05Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"1-02T03:04:05Z\" as \"01\"" }],
  ["2024-01-2T03:04:05Z", { error: "parsing time \"2024-01-2T03:04:05Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"2T03:04:05Z\" as \"02\"" }],
  ["2024-13-02T03:04:05Z", { error: "parsing time \"2024-13-02T03:04:05Z\": month out of range" }],
  ["2024-00-02T03:04:05Z", { error: "parsing time \"2024-00-02T03:04:05Z\": month out of range" }],
  ["2024-02-30T03:04:05Z", { error: "parsing time \"2024-02-30T03:04:05Z\": day out of range" }],
  ["2024-02-29T03:04:05Z", { string: "2024-02-29 03:04:05 +0000 UTC", json: "2024-02-29T03:04:05Z" }],
  ["2023-02-29T03:04:05Z", { error: "parsing time \"2023-02-29T03:04:05Z\": day out of range" }],
  ["2024-01-02T24:04:05Z", { error: "parsing time \"2024-01-02T24:04:05Z\": hour out of range" }],
  ["2024-01-02T03:60:05Z", { error: "parsing time \"2024-01-02T03:60:05Z\": minute out of range" }],
  ["2024-01-02T03:04:60Z", { error: "parsing time \"2024-01-02T03:04:60Z\": second out of range" }],
  ["2024-01-02T03:04:05.123456", { error: "parsing time \"2024-01-02T03:04:05.123456\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"\" as \"Z\"" }],
  ["2024-01-02T03:04:05.123456+01:00", { error: "parsing time \"2024-01-02T03:04:05.123456+01:00\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"+01:00\" as \"Z\"" }],
  ["2024-01-02T03:04:05.123456Zjunk", { error: "parsing time \"2024-01-02T03:04:05.123456Zjunk\": extra text: \"junk\"" }],
  ["2024-01-02 03:04:05Z", { error: "parsing time \"2024-01-02 03:04:05Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \" 03:04:05Z\" as \"T\"" }],
  ["20x4-01-02T03:04:05Z", { error: "parsing time \"20x4-01-02T03:04:05Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"20x4-01-02T03:04:05Z\" as \"2006\"" }],
  ["x", { error: "parsing time \"x\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"x\" as \"2006\"" }],
  ["2024", { error: "parsing time \"2024\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"\" as \"-\"" }],
  ["2024-01-02T03:04:05.123456z", { error: "parsing time \"2024-01-02T03:04:05.123456z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"z\" as \"Z\"" }],
  ["2024-01-02T03:04:05\"Z", { error: "parsing time \"2024-01-02T03:04:05\\\"Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"\\\"Z\" as \"Z\"" }],
  ["\u00e92024-01-02T03:04:05Z", { error: "parsing time \"\\xc3\\xa92024-01-02T03:04:05Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"\\xc3\\xa92024-01-02T03:04:05Z\" as \"2006\"" }],
  ["2024-01-02T03:04:05.000000Z", { string: "2024-01-02 03:04:05 +0000 UTC", json: "2024-01-02T03:04:05Z" }],
  ["0001-01-01T00:00:00Z", { string: "0001-01-01 00:00:00 +0000 UTC", json: "0001-01-01T00:00:00Z" }],
  ["9999-12-31T23:59:59.999999Z", { string: "9999-12-31 23:59:59.999999 +0000 UTC", json: "9999-12-31T23:59:59.999999Z" }],
  ["2024-01-00T03:04:05Z", { error: "parsing time \"2024-01-00T03:04:05Z\": day out of range" }],
  ["2024-01-02T03:04:5Z", { error: "parsing time \"2024-01-02T03:04:5Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"5Z\" as \"05\"" }],
  ["2024-01-02T03:4:05Z", { error: "parsing time \"2024-01-02T03:4:05Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"4:05Z\" as \"04\"" }],
  ["2024-01-02T03:04Z", { error: "parsing time \"2024-01-02T03:04Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"Z\" as \":\"" }],
  ["2024-01-02T03Z", { error: "parsing time \"2024-01-02T03Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"Z\" as \":\"" }],
  ["2024-01-02Z", { error: "parsing time \"2024-01-02Z\" as \"2006-01-02T15:04:05.999999Z\": cannot parse \"Z\" as \"T\"" }],
];

describe("parseLogTime", () => {
  it.each(CASES)("%j", (input, want) => {
    if ("error" in want) {
      const thrown = thrownBy(() => parseLogTime(input));
      expect(thrown).toBeInstanceOf(LogTimeError);
      expect((thrown as Error).message).toBe(want.error);
      return;
    }
    const time = parseLogTime(input);
    expect(goTimeString(time)).toBe(want.string);
    expect(goTimeRFC3339(time)).toBe(want.json);
  });
});
