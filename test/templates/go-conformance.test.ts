// Every template in go-conformance.json was run through Go's text/template on the same data;
// the engine must print the same bytes, or fail with the same message.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TemplateError, render } from "../../src/templates/index.js";
import { FIXTURES } from "./fixtures.js";

interface Case {
  group: string;
  t: string;
  data?: string;
  fixture?: string;
  out?: string;
  err?: string;
}

const table = JSON.parse(readFileSync(new URL("./go-conformance.json", import.meta.url), "utf8")) as {
  data: Record<string, unknown>;
  cases: Case[];
};

// Pointer addresses differ from run to run, in Go too.
const normalize = (s: string) => s.replace(/0x[0-9a-f]{6,}/g, "0xADDR");

function run(c: Case): { out?: string; err?: string } {
  const data = c.fixture ? FIXTURES[c.fixture]!() : c.data ? structuredClone(table.data[c.data]) : undefined;
  try {
    return { out: normalize(render(c.t, data)) };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return { err: normalize(e.message) };
  }
}

const groups = [...new Set(table.cases.map((c) => c.group))];

describe("matches Go text/template", () => {
  for (const group of groups) {
    it.each(table.cases.filter((c) => c.group === group).map((c) => [c.t, c] as const))(`${group}: %s`, (_t, c) => {
      const expected = c.err !== undefined ? { err: normalize(c.err) } : { out: normalize(c.out!) };
      expect(run(c)).toEqual(expected);
    });
  }
});
