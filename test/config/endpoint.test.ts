import { describe, expect, it } from "vitest";
import { resolveZoneEndpoint, v2Override } from "../../src/config/endpoint.js";
import { durationMs, parseDuration } from "../../src/go/duration.js";

const parseGoDuration = (text: string) => {
  const parsed = parseDuration(text);
  return "ns" in parsed ? durationMs(parsed.ns) : undefined;
};

const noDiscovery = async (): Promise<never> => {
  throw new Error("unexpected GET /zone");
};

describe("zone endpoints", () => {
  it("maps known zones without a round trip", async () => {
    await expect(resolveZoneEndpoint("de-muc-1", { listZones: noDiscovery })).resolves.toBe("https://api-de-muc-1.exoscale.com/v2");
    await expect(resolveZoneEndpoint("ch-gva-2", { listZones: noDiscovery, environment: "ppapi" })).resolves.toBe("https://ppapi-ch-gva-2.exoscale.com/v2");
  });

  it("sends every zone to a v2 override, and ignores a v1 one", async () => {
    await expect(resolveZoneEndpoint("at-vie-2", { override: "http://127.0.0.1:8080/v2/", listZones: noDiscovery })).resolves.toBe("http://127.0.0.1:8080/v2");
    await expect(resolveZoneEndpoint("at-vie-2", { override: "https://api.exoscale.com/v1", listZones: noDiscovery })).resolves.toBe(
      "https://api-at-vie-2.exoscale.com/v2",
    );
    expect(v2Override("https://api.exoscale.com/compute")).toBeUndefined();
  });

  it("allows plain http only to loopback hosts", () => {
    for (const ok of ["http://127.0.0.1:1/v2", "http://127.8.9.10/v2", "http://localhost:3/v2", "http://[::1]:4/v2"]) expect(v2Override(ok)).toBe(ok);
    expect(() => v2Override("http://10.0.0.1/v2")).toThrow(/^refusing to send credentials over plain http to "http:\/\/10.0.0.1\/v2": use https/);
    expect(() => v2Override("ftp://x/v2")).toThrow(/unsupported API endpoint scheme/);
    expect(() => v2Override("not a url")).toThrow(/invalid API endpoint/);
  });

  it("asks the API about an unknown zone once, and lists the valid ones if it is still unknown", async () => {
    const calls: string[] = [];
    const listZones = async (base: string) => {
      calls.push(base);
      return [{ name: "ch-gva-2" }, { name: "xx-new-1", "api-endpoint": "https://api-xx-new-1.exoscale.com/v2" }];
    };
    await expect(resolveZoneEndpoint("xx-new-1", { listZones })).resolves.toBe("https://api-xx-new-1.exoscale.com/v2");
    await expect(resolveZoneEndpoint("xx-yyy-1", { listZones })).rejects.toThrow('unknown zone "xx-yyy-1": valid zones are: ch-gva-2, xx-new-1');
    expect(calls).toEqual(["https://api-ch-gva-2.exoscale.com/v2", "https://api-ch-gva-2.exoscale.com/v2"]);
    await expect(resolveZoneEndpoint("xx-yyy-1", { listZones, override: "http://127.0.0.1:5/v2" })).rejects.toThrow(/unknown zone/);
    expect(calls.at(-1)).toBe("http://127.0.0.1:5/v2");
  });
});

describe("Go durations", () => {
  it.each([
    ["15s", 15000],
    ["-1s", -1000],
    ["1m30s", 90000],
    ["1.5h", 5400000],
    ["300ms", 300],
    ["1500us", 1.5],
    ["2000\u00b5s", 2],
    ["3000\u03bcs", 3],
    ["0", 0],
    ["1", undefined],
    ["abc", undefined],
    ["", undefined],
  ])("%j", (text, ms) => expect(parseGoDuration(text)).toBe(ms));
});
