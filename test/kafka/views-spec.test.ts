// The field-spec kit: one list of fields gives the Go struct, the table and the help annotations.

import { describe, expect, it } from "vitest";
import { encodeOutputJSON } from "../../src/output/json.js";
import { annotationSections, annotations, defineView, fieldsOf, goStruct, goStructOnDemand, liftField, tableHeader, tableRow, tableRows } from "../../src/kafka/views/spec.js";
import { parse } from "../../src/templates/index.js";

interface Item {
  name: string;
  size: number;
  note?: string;
}

const item = fieldsOf<Item>();
const itemView = defineView(
  "pkg.itemOutput",
  [
    item({ go: "Name", json: "name", label: "Name", from: (i) => i.name }),
    item({ go: "Size", json: "size", label: "Size", from: (i) => i.size, cell: (size) => `${size} B` }),
    item({ go: "Note", json: "note", omitempty: true, from: (i) => i.note ?? "" }),
  ],
  { tableOrder: ["Size", "Name"] },
);

describe("views from field specs", () => {
  const source: Item = { name: "a", size: 3 };

  it("builds the Go struct in declaration order with the JSON tags", () => {
    const value = goStruct(itemView, source);
    expect(value.typeName).toBe("pkg.itemOutput");
    expect([...value.fields.keys()]).toEqual(["Name", "Size", "Note"]);
    expect(encodeOutputJSON(value)).toBe('{"name":"a","size":3}\n');
  });

  it("a struct made on demand reads a field when output first asks for it, once, and shows what the eager one shows", () => {
    const reads: string[] = [];
    const counted = defineView(
      itemView.type,
      itemView.fields.map((f) => ({ ...f, from: (i: Item) => (reads.push(f.go), f.from(i)) })),
    );
    const lazy = goStructOnDemand(counted, { ...source, note: "n" });
    expect(reads).toEqual([]);
    expect(parse("{{.Size}} {{.Size}}").execute(lazy)).toBe("3 3");
    expect(reads).toEqual(["Size"]);
    expect(lazy.fields.has("Note")).toBe(true);
    expect(lazy.fields.has("Other")).toBe(false);
    expect(lazy.fields.get("Other")).toBeUndefined();
    expect(() => parse("{{.Other}}").execute(lazy)).toThrow(/can't evaluate field Other/);
    const eager = goStruct(itemView, { ...source, note: "n" });
    for (const template of ["{{.}}", "{{.Name}}-{{.Note}}", "{{printf \"%+v\" .}}"]) expect(parse(template).execute(lazy)).toBe(parse(template).execute(eager));
    expect(encodeOutputJSON(lazy)).toBe(encodeOutputJSON(eager));
    expect([...lazy.fields.keys()]).toEqual(["Name", "Size", "Note"]);
    expect(lazy.fields.size).toBe(3);
    expect(reads.sort()).toEqual(["Name", "Note", "Size"]);
  });

  it("draws labelled fields only, in table order, through their cell functions", () => {
    expect(tableRows(itemView, source)).toEqual([
      ["Size", "3 B"],
      ["Name", "a"],
    ]);
    expect(tableHeader(itemView)).toEqual(["Size", "Name"]);
    expect(tableRow(itemView, source)).toEqual(["3 B", "a"]);
  });

  it("refuses a table order naming no labelled field", () => {
    expect(() => defineView("pkg.x", [item({ go: "Name", json: "name", from: (i) => i.name })], { tableOrder: ["Name"] })).toThrow(
      "pkg.x: no labelled field Name",
    );
    expect(() => defineView("pkg.y", itemView.fields, { tableOrder: ["Size"] })).toThrow("pkg.y: the table order leaves out a labelled field");
  });

  it("lifts a field onto a larger source", () => {
    const outer = defineView("pkg.outer", [liftField((o: { inner: Item }) => o.inner, itemView.fields[1]!)]);
    expect(goStruct(outer, { inner: source }).get("Size")).toBe(3);
    expect(tableRows(outer, { inner: source })).toEqual([["Size", "3 B"]]);
  });

  it("annotates fields inline, wrapping a long section at 80 columns under its title", () => {
    expect(annotations(itemView)).toBe(".Name .Size .Note");
    expect(annotations(itemView, ", ")).toBe(".Name, .Size, .Note");
    const many = defineView(
      "pkg.many",
      Array.from({ length: 12 }, (_, i) => item({ go: `FieldNumber${i}`, json: `f${i}`, from: (s) => s.name })),
    );
    const text = annotationSections([
      { title: "Short", view: itemView },
      { title: "Long", view: many },
    ]);
    const lines = text.split("\n");
    expect(lines[0]).toBe("  * Short: .Name .Size .Note");
    expect(lines[1]).toBe("  * Long:");
    expect(lines.slice(2).every((l) => l.startsWith("      .") && l.length <= 80)).toBe(true);
    expect(lines.slice(2).join(" ").split(/\s+/).filter(Boolean)).toHaveLength(12);
  });
});
