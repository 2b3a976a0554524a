// Property tests: the parsers only ever refuse with InputError, agree with independent
// implementations, and never change a number.

import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InputError, parseCidr, parseGoBool, parseIpFilter, validateSettings, type SettingsKind } from "../../../src/kafka/validation/index.js";
import { treeToValue } from "../../../src/go/json/tree.js";
import { parseJsonTree, stringifyLosslessJson } from "../../../src/kafka/validation/json.js";
import { servedSettings, specSettings } from "./fixtures.js";

/** Runs `run`; anything thrown must be an InputError with a one-line message. */
function onlyInputErrors(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
    return false;
  }
}

const kinds: SettingsKind[] = ["kafka", "kafka-connect", "kafka-rest", "schema-registry"];
const ipText = fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF.:/,\"% "), maxLength: 45 });
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), ipText);

describe("IP filter parser", () => {
  test("never throws anything but InputError", () => {
    fc.assert(fc.property(fc.array(anyText, { maxLength: 3 }), (values) => void onlyInputErrors(() => parseIpFilter(values))));
  });

  test("accepts a bare address exactly when Node does (zones aside)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF.:"), maxLength: 45 }), fc.ipV4Extended(), fc.ipV6()), (text) => {
        expect(onlyInputErrors(() => parseCidr(text))).toBe(isIP(text) !== 0);
      }),
      { numRuns: 3000 },
    );
  });

  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
  const ipv6 = fc.oneof(fc.ipV6(), fc.ipV6().map((a) => a.toUpperCase()));

  test("valid addresses and prefixes are accepted, and the result is stable", () => {
    fc.assert(
      fc.property(fc.oneof(ipv4.map((a) => [a, 32] as const), ipv6.map((a) => [a, 128] as const)), fc.option(fc.nat(128)), ([address, max], prefix) => {
        const entry = prefix === null ? address : `${address}/${prefix}`;
        if (prefix !== null && prefix > max) {
          expect(onlyInputErrors(() => parseCidr(entry))).toBe(false);
          return;
        }
        const cidr = parseCidr(entry);
        expect(cidr.endsWith(`/${prefix ?? max}`)).toBe(true);
        expect(parseCidr(cidr)).toBe(cidr);
      }),
    );
  });

  test("IPv6 is written as the WHATWG URL parser writes it", () => {
    fc.assert(
      fc.property(ipv6, (address) => {
        const expected = new URL(`http://[${address}]/`).hostname.slice(1, -1);
        const cidr = parseCidr(address);
        // URL writes IPv4-mapped addresses in hex; RFC 5952 keeps the dotted tail.
        if (!cidr.startsWith("::ffff:") || !cidr.includes(".")) expect(cidr).toBe(`${expected}/128`);
      }),
    );
  });
});

describe("settings validator", () => {
  const schemas = fc.constantFrom(specSettings, servedSettings);

  test("never throws anything but InputError on arbitrary text", () => {
    fc.assert(fc.property(fc.constantFrom(...kinds), anyText, schemas, (kind, raw, schema) => void onlyInputErrors(() => validateSettings(kind, raw, schema))));
  });

  test("never throws anything but InputError on arbitrary JSON", () => {
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.json(), schemas, (kind, raw, schema) => void onlyInputErrors(() => validateSettings(kind, raw, schema))));
  });

  test("never throws anything but InputError on known keys with arbitrary values", () => {
    const settings = (specSettings as { settings: Record<string, { properties: Record<string, { properties?: object }> }> }).settings;
    const keys = Object.keys(settings.kafka!.properties);
    const nestedKeys = Object.keys(settings.kafka!.properties["log-cleanup-and-compaction"]!.properties!);
    const value = fc.oneof(fc.jsonValue(), fc.bigInt().map((b) => ({ big: b.toString() })));
    const entry = fc.tuple(fc.constantFrom(...keys, ...nestedKeys), value);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), schemas, (entries, schema) => {
        const raw = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${typeof v === "object" && v !== null && "big" in v ? v.big : JSON.stringify(v)}`).join(",")}}`;
        onlyInputErrors(() => validateSettings("kafka", raw, schema));
      }),
    );
  });

  test("never throws anything but InputError whatever the schema looks like", () => {
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.json(), fc.jsonValue(), (kind, raw, schema) => void onlyInputErrors(() => validateSettings(kind, raw, schema))));
  });

  test("64-bit integers round-trip exactly; one past the range is refused", () => {
    const int64Max = 2n ** 63n - 1n;
    fc.assert(
      fc.property(fc.bigInt({ min: -1n, max: int64Max + 2n }), schemas, (n, schema) => {
        const raw = `{"log_retention_bytes":${n}}`;
        if (n > int64Max) {
          expect(() => validateSettings("kafka", raw, schema)).toThrow(InputError);
          return;
        }
        const out = validateSettings("kafka", raw, schema);
        expect(BigInt(out.log_retention_bytes as number | bigint)).toBe(n);
        expect(stringifyLosslessJson(out)).toBe(raw);
      }),
    );
  });
});

describe("lossless JSON reader", () => {
  test("accepts exactly what JSON.parse accepts, and reads the same values", () => {
    expect(stringifyLosslessJson(treeToValue(parseJsonTree("[-20730217938352613]")))).toBe("[-20730217938352613]");
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", "x", ",", "}", "]", '"', "0", ".", "-", " ")).map(([text, at, insert]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      return text.slice(0, i) + insert + text.slice(i);
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, anyText), (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) {
          expect(() => parseJsonTree(text)).toThrow(InputError);
          return;
        }
        const value = treeToValue(parseJsonTree(text));
        // the same values, except that integers beyond 2^53 stay exact where JSON.parse rounds them:
        // written out and read back as doubles, both agree
        expect(JSON.stringify(JSON.parse(stringifyLosslessJson(value)))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("Go booleans", () => {
  test("anything but the twelve spellings is refused with InputError", () => {
    const accepted = new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);
    fc.assert(fc.property(anyText, (value) => {
          expect(onlyInputErrors(() => parseGoBool("--force", value))).toBe(accepted.has(value));
        }));
  });
});
