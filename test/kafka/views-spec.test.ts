// The field-spec kit: one list of fields gives the Go struct, the table and the help annotations.

import { describe, expect, it } from "vitest";
import { encodeOutputJSON } from "../../src/output/json.js";
import { annotationSections, annotations, defineView, fieldsOf, goStruct, liftField, tableHeader, tableRow, tableRows } from "../../src/kafka/views/spec.js";

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
