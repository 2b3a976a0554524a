// The library surface the CLI uses: parse/execute, render, errors, and the Go fmt helpers.

import { describe, expect, it } from "vitest";
import {
  GoFloat,
  GoNil,
  GoPtr,
  GoStruct,
  GoTime,
  TemplateError,
  formatFloat,
  formatTime,
  parse,
  render,
  sprint,
  sprintf,
} from "../../src/templates/index.js";
import { showFixture } from "./fixtures.js";

describe("parse and execute", () => {
  it("parses once and renders many data values", () => {
    const t = parse("{{.Name}}:{{.Nodes}}");
    const a = new GoStruct("*T", [{ name: "Name", value: "a" }, { name: "Nodes", value: 1n }]);
    const b = new GoStruct("*T", [{ name: "Name", value: "b" }, { name: "Nodes", value: 2n }]);
    expect([t.execute(a), t.execute(b), t.execute(a)]).toEqual(["a:1", "b:2", "a:1"]);
  });

  it("reports parse errors before any data exists", () => {
    expect(() => parse("{{.Name}")).toThrow(TemplateError);
    try {
      parse("{{if .x}}\n{{end", "custom");
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).phase).toBe("parse");
      expect((e as TemplateError).message).toBe('template: custom:2: unclosed action');
    }
  });

  it("reports execution errors with Go's location and context, and no partial output", () => {
    let err: unknown;
    try {
      render("prefix {{.Kafka.Nope}}", showFixture());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).phase).toBe("exec");
    expect((err as Error).message).toBe(
      'template: out:1:15: executing "out" at <.Kafka.Nope>: can\'t evaluate field Nope in type *dbaas.dbServiceKafkaShowOutput',
    );
  });

  it("keeps what Go would have streamed before an execution error", () => {
    const partial = (t: string, data: unknown) => {
      try {
        render(t, data);
      } catch (e) {
        return (e as TemplateError).output;
      }
      throw new Error("no error");
    };
    expect(partial("a{{.x}}b{{.y.z}}c", { x: 1, y: "s" })).toBe("a1b");
    expect(partial('{{define "t"}}in{{.q.r}}{{end}}pre{{template "t" .}}post', { q: "s" })).toBe("prein");
    expect(partial("{{.x.y}}", { x: 1 })).toBe("");
  });

  it("prints the certificate unchanged (no HTML escaping, no trailing newline)", () => {
    expect(render("{{.Kafka.ConnectionInfo.AccessCert}}", showFixture("<&'\">"))).toBe("<&'\">");
  });

  it("names the top-level template after the name given", () => {
    expect(() => render("{{.x.y}}", { x: 1 }, "tpl")).toThrow('template: tpl:1:4: executing "tpl" at <.x.y>');
  });

  it("counts error columns in bytes, as Go does", () => {
    expect(() => render("é {{.x.y}}", { x: 1 })).toThrow("template: out:1:7:");
  });

  it("lists defined templates", () => {
    expect(parse('{{define "a"}}x{{end}}{{block "b" .}}y{{end}}').definedTemplates.sort()).toEqual(["a", "b", "out"]);
  });

  it("treats a nil struct pointer's known fields as nil dereferences and others as unknown", () => {
    const data = new GoStruct("*T", [{ name: "P", value: new GoNil("*pkg.U", ["Known"]) }]);
    expect(() => render("{{.P.Known}}", data)).toThrow("nil pointer evaluating *pkg.U.Known");
    expect(() => render("{{.P.Other}}", data)).toThrow("can't evaluate field Other in type *pkg.U");
  });
});

describe("printing as Go", () => {
  it.each([
    ["{{.}}", 96636764160, "96636764160"],
    ["{{.}}", 2n ** 62n, "4611686018427387904"],
    ["{{.}}", new GoFloat(1e6), "1e+06"],
    ["{{.}}", new GoFloat(3), "3"],
    ["{{.}}", 0.5, "0.5"],
    ["{{.}}", new GoFloat(3.6e6), "3.6e+06"],
    ["{{.}}", new GoFloat(9.223372036854776e18), "9.223372036854776e+18"],
    ["{{.}}", ["a", "b", "c"], "[a b c]"],
    ["{{.}}", { b: 2, a: 1 }, "map[a:1 b:2]"],
    ["{{.}}", new GoStruct("*T", [{ name: "A", value: "a" }, { name: "B", value: "b" }]), "{a b}"],
    ['{{printf "%v" .}}', new GoStruct("*T", [{ name: "A", value: "a" }, { name: "B", value: "b" }]), "&{a b}"],
    ["{{.}}", new GoPtr("s", "*string"), "s"],
    ["{{.}}", new GoNil("*string"), "<nil>"],
    ["{{.}}", null, "<no value>"],
    ['{{printf "%v" .}}', null, "<nil>"],
    ["{{.}}", GoTime.parse("2021-11-01T15:11:37Z"), "2021-11-01 15:11:37 +0000 UTC"],
    ["{{.}}", GoTime.parse("2024-05-02T09:10:11.123456+01:00"), "2024-05-02 09:10:11.123456 +0100 +0100"],
  ])("%s of %o", (t, data, want) => {
    expect(render(t, data)).toBe(want);
  });
});

describe("fmt helpers", () => {
  it("sprint spaces operands when neither is a string", () => {
    expect(sprint("a", 1, 2, "b", "c", true, 3)).toBe("a1 2bctrue 3");
    expect(sprint()).toBe("");
  });

  it("sprintf implements verbs, flags and error markers", () => {
    expect(sprintf("%5.2f|%-4d|%q|%x|%08.3f|%+d", 3.14159, 42, "hi", 255, -3.5, 5)).toBe(" 3.14|42  |\"hi\"|ff|-003.500|+5");
    expect(sprintf("%d", "x")).toBe("%!d(string=x)");
    expect(sprintf("%d %d", 1)).toBe("1 %!d(MISSING)");
    expect(sprintf("%d", 1, 2)).toBe("1%!(EXTRA int=2)");
    expect(sprintf("%*d|%-*d|", 4, 1, 3, 2)).toBe("   1|2  |");
    expect(sprintf("%v %v", new GoFloat(2), 1.5)).toBe("2 1.5");
  });

  it("formatFloat follows strconv.FormatFloat", () => {
    expect(formatFloat(1e6)).toBe("1e+06");
    expect(formatFloat(123456, "f", -1)).toBe("123456");
    expect(formatFloat(2.5, "f", 0)).toBe("2");
    expect(formatFloat(1 / 3, "e", 3)).toBe("3.333e-01");
    expect(formatFloat(Infinity)).toBe("+Inf");
  });

  it("formatTime is time.Time.String", () => {
    expect(formatTime(GoTime.zero())).toBe("0001-01-01 00:00:00 +0000 UTC");
    expect(formatTime(new GoTime(1635779497, 120000000))).toBe("2021-11-01 15:11:37.12 +0000 UTC");
  });
});
