// Robustness: whatever the input, the engine terminates and fails only with TemplateError.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GoFloat, GoNil, GoPtr, GoStruct, GoTime, TemplateError, parse, render } from "../../src/templates/index.js";

const TOKENS = [
  "{{", "}}", "{{- ", " -}}", " ", "\n", "\t", ".", ".a", ".b", ".A.B", ".list", "$", "$x", "$y", ":=", "=", "|", "(", ")", ",",
  "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue", "nil", "true", "false",
  "1", "-2", "0x1f", "1.5", "1e3", "1i", "'a'", "'\\n'", "\"s\"", "\"%d %v\"", "`r`", "len", "index", "slice", "printf", "print",
  "println", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "html", "js", "urlquery", "call", "/*", "*/", "\"T\"",
  "-", "é", "😀", "\\", "\"", "'", "`", "{", "}", "%", "@", "#",
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((t) => t.join(""));

function onlyTemplateErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    expect(e.message).toMatch(/^template: /);
  }
}

// Plain and Go-typed values, nested. Integers stay small: `range` over an int loops that often.
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e300, 5e-324, -0),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.double().map((x) => new GoFloat(x)),
  fc.constantFrom(new GoNil("*string"), new GoNil("[]string"), new GoNil("map[string]int"), new GoNil("*T", ["A"])),
  fc.integer({ min: -1e10, max: 1e10 }).map((s) => new GoTime(s, 5, 0, "UTC")),
  fc.string({ maxLength: 4 }).map((s) => new GoPtr(s, "*string")),
);
const { value: goValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("a", "b", "A", "B", "list", "x"), tie("value"), { maxKeys: 4 }),
    fc.array(tie("value"), { maxLength: 3 }).map(
      (vals) => new GoStruct("*pkg.T", vals.map((value, i) => ({ name: ["A", "B", "C"][i]!, value }))),
    ),
  ),
}));

const templates = fc.oneof(
  tokenSoup,
  fc.string({ maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(".a", ".b", ".A.B", ".list", ".", "$", "1", "\"x\"", "nil", "1.5"),
        fc.constantFrom("len", "index . 0", "slice .list 1", "printf \"%v|%d|%s|%q|%x|%5.2f\"", "print", "eq .a", "lt .b", "not", "and .a", "or .b", "html", "js", "urlquery"),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((parts) => `x{{range $i, $e := .list}}{{$i}}{{end}}{{${parts.join(" | ")}}}{{with .a}}{{.}}{{end}}{{if .b}}y{{else}}z{{end}}`),
);

describe("parser", () => {
  it("terminates and throws only TemplateError on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => onlyTemplateErrors(() => parse(s))), { numRuns: 2000 });
  });

  it("terminates and throws only TemplateError on token soups", () => {
    fc.assert(fc.property(tokenSoup, (s) => onlyTemplateErrors(() => parse(s))), { numRuns: 4000 });
  });

  it("reports deep nesting as a TemplateError", () => {
    onlyTemplateErrors(() => parse("{{" + "(".repeat(20000) + "1" + ")".repeat(20000) + "}}"));
    onlyTemplateErrors(() => parse("{{if 1}}".repeat(20000) + "{{end}}".repeat(20000)));
  });
});

describe("execution", () => {
  it("renders random data with random templates, failing only with TemplateError", () => {
    fc.assert(
      fc.property(templates, goValue, (t, data) => onlyTemplateErrors(() => render(t, data))),
      { numRuns: 3000 },
    );
  });

  it("is deterministic: parse once, execute many", () => {
    fc.assert(
      fc.property(templates, goValue, (t, data) => {
        let tmpl;
        try {
          tmpl = parse(t);
        } catch {
          return;
        }
        const once = (() => {
          try {
            return tmpl.execute(data);
          } catch (e) {
            return (e as Error).message;
          }
        })();
        const twice = (() => {
          try {
            return tmpl.execute(data);
          } catch (e) {
            return (e as Error).message;
          }
        })();
        expect(twice).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("turns unbounded template recursion into Go's depth error", () => {
    expect(() => render(`{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}`, null)).toThrow(
      /exceeded maximum template depth \(100000\)/,
    );
  });
});
