import { describe, expect, it } from "vitest";
import { fixedOutput, listOutput, objectOutput } from "../../src/output/model.js";
import { OutputTemplateError, defaultTextTemplate, render } from "../../src/output/render.js";
import { GoNil, GoPtr, GoStruct } from "../../src/templates/values.js";

const item = (name: string, size: number) =>
  new GoStruct("dbaas.item", [
    { name: "Name", value: name, json: "name" },
    { name: "Size", value: size, json: "size" },
  ]);

const object = objectOutput(
  new GoStruct("*dbaas.thing", [
    { name: "Name", value: "k1", json: "name" },
    { name: "Note", value: "<a&b>", json: "note" },
    { name: "Ptr", value: new GoPtr("x", "*string"), json: "ptr" },
    { name: "Nil", value: new GoNil("*dbaas.other"), json: "nil", omitempty: true },
  ]),
  (isTTY) => (isTTY ? "tty table\n" : "piped table\n"),
);
const list = listOutput([item("a", 1), item("b", 2)], () => "list table\n");

describe("render", () => {
  it("prints the table for table, unknown formats and no format", () => {
    expect(render(object, { format: "table", isTTY: true })).toBe("tty table\n");
    expect(render(object, { format: "yaml", isTTY: false })).toBe("piped table\n");
    expect(render(list, { format: "", isTTY: false })).toBe("list table\n");
  });

  it("prints compact JSON without HTML escaping, and a newline", () => {
    expect(render(object, { format: "json", isTTY: true })).toBe('{"name":"k1","note":"<a&b>","ptr":"x"}\n');
    expect(render(list, { format: "json", isTTY: true })).toBe('[{"name":"a","size":1},{"name":"b","size":2}]\n');
    expect(render(listOutput([], () => ""), { format: "json", isTTY: true })).toBe("[]\n");
  });

  it("ignores the format for fixed output", () => {
    expect(render(fixedOutput("raw\n"), { format: "json", template: "{{.}}", isTTY: true })).toBe("raw\n");
  });

  it("builds the default text template from every top-level field", () => {
    expect(defaultTextTemplate(object.value)).toBe("{{.Name}}\t{{.Note}}\t{{.Ptr}}\t{{.Nil}}");
  });

  it("runs a template once on an object, without a trailing newline", () => {
    expect(render(object, { format: "json", template: "{{.Name}} {{.Ptr}}", isTTY: false })).toBe("k1 x");
  });

  it("runs a template per list element, each followed by a newline", () => {
    expect(render(list, { format: "table", template: "{{.Name}}={{.Size}}", isTTY: false })).toBe("a=1\nb=2\n");
  });

  it("prints text with tabs and Go's formatting", () => {
    expect(render(object, { format: "text", isTTY: false })).toBe("k1\t<a&b>\tx\t<nil>");
    expect(render(list, { format: "text", isTTY: false })).toBe("a\t1\nb\t2\n");
  });

  it("reports template errors as exo does, with what was printed before", () => {
    expect(() => render(object, { format: "text", template: "{{.Name", isTTY: false })).toThrow(
      /^unable to encode output in plaintext using template: /,
    );
    try {
      render(list, { format: "text", template: "{{.Name}}{{.Missing}}", isTTY: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OutputTemplateError);
      expect((error as Error).message).toMatch(/^unable to encode output using template: .*Missing/);
    }
  });
});

describe("render of a streaming list", () => {
  it("warns on stdout and falls back to {{.}} when the template does not parse", () => {
    const streamed = listOutput([item("a", 1)], () => "", { streaming: true });
    const out = render(streamed, { format: "text", template: "{{.Name", isTTY: false });
    expect(out).toMatch(/^warning: invalid output template: .*\n\{a 1\}\n$/);
  });
});
