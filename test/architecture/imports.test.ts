// The house rules of CONTRIBUTING.md, checked on the source: no import cycle (not even of types), and each
// layer imports only what CONTRIBUTING.md's layer table says it may, type-only imports included.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

/** Relative imports of each file (static, re-exports and dynamic), as paths under src/. */
function importGraph(): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const edges: Edge[] = [];
    const target = (spec: string) => relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
    for (const m of text.matchAll(/^(import|export)\s+(type\s)?[^;]*?\sfrom\s+"(\.[^"]+)"/gms)) edges.push({ to: target(m[3]!), typeOnly: m[2] !== undefined });
    for (const m of text.matchAll(/^import\s+"(\.[^"]+)"/gm)) edges.push({ to: target(m[1]!), typeOnly: false });
    for (const m of text.matchAll(/import\("(\.[^"]+)"\)/g)) edges.push({ to: target(m[1]!), typeOnly: false });
    graph.set(relative(SRC, file), edges);
  }
  return graph;
}

const graph = importGraph();

describe("the import graph of src/", () => {
  it("reads the imports it checks (a sanity check of the reader itself)", () => {
    expect(graph.get("main.ts")!.map((e) => e.to)).toContain("cli/program.ts");
    expect(graph.size).toBeGreaterThan(150);
  });

  it("has no cycle, not even through type-only imports", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const edge of graph.get(file) ?? []) {
        if (!graph.has(edge.to)) continue;
        if (state.get(edge.to) === "open") cycles.push([...stack.slice(stack.indexOf(edge.to)), edge.to].join(" -> "));
        else if (!state.has(edge.to)) visit(edge.to);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it.each(layerTable().map((row) => [row.units.join(", "), row] as const))("%s imports only from its row and what the layer table names", (_, row) => {
    const rows = layerTable();
    const outside = [...graph]
      .filter(([file]) => rowOf(rows, file) === row)
      .flatMap(([file, edges]) => edges.filter((e) => rowOf(rows, e.to) !== row && !row.mayImport.some((a) => covers(a, e.to))).map((e) => `${file} -> ${e.to}`));
    expect(outside).toEqual([]);
  });

  it("commands never write to stdout themselves", () => {
    const writers = [...graph.keys()].filter((file) => file.startsWith("commands/") && /\bio\.stdout\(|process\.stdout/.test(readFileSync(join(SRC, file), "utf8")));
    expect(writers).toEqual([]);
  });

  it("the user and credentials command folders do not import each other", () => {
    const crossing = [...graph].flatMap(([file, edges]) =>
      edges
        .filter((e) => (file.startsWith("commands/dbaas/user/") && e.to.startsWith("commands/dbaas/credentials/")) || (file.startsWith("commands/dbaas/credentials/") && e.to.startsWith("commands/dbaas/user/")))
        .map((e) => `${file} -> ${e.to}`),
    );
    expect(crossing).toEqual([]);
  });
});

interface LayerRow {
  /** files and folders of src/ (a folder ends with /) */
  units: string[];
  /** rows below (a folder, a root file) or one file of one, or ../package.json */
  mayImport: string[];
}

/** The layer table of CONTRIBUTING.md, top row first. */
function layerTable(): LayerRow[] {
  const text = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");
  const section = text.slice(text.indexOf("## The layers"), text.indexOf("\n## ", text.indexOf("## The layers") + 1));
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const cells = line.split(" | ");
      return { units: ticked(cells[0]!), mayImport: cells[2]!.trim() === "nothing |" ? [] : ticked(cells[2]!).filter((t) => /^(\.\.\/)?[\w./-]+$/.test(t) && (t.endsWith("/") || t.endsWith(".ts") || t.endsWith(".json"))) };
    });
}

const covers = (unit: string, file: string) => (unit.endsWith("/") ? file.startsWith(unit) : file === unit);
const rowOf = (rows: readonly LayerRow[], file: string) => rows.find((row) => row.units.some((u) => covers(u, file)));

describe("the layer table of CONTRIBUTING.md", () => {
  const rows = layerTable();

  it("is read (a sanity check of the reader itself)", () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.find((r) => r.units.includes("go/"))!.mayImport).toEqual([]);
    expect(rows.find((r) => r.units.includes("api/"))!.mayImport).toEqual(["config/", "go/"]);
  });

  it("has every file and folder of src/ in exactly one row", () => {
    const entries = readdirSync(SRC).map((name) => (statSync(join(SRC, name)).isDirectory() ? `${name}/` : name));
    const placed = rows.flatMap((r) => r.units);
    expect(placed.filter((u, i) => placed.indexOf(u) !== i)).toEqual([]);
    expect(entries.filter((e) => !placed.includes(e)).sort()).toEqual([]);
    expect(placed.filter((u) => !entries.includes(u)).sort()).toEqual([]);
  });

  it("lets a row import only from rows below it: no arrow against the layers", () => {
    const against = rows.flatMap((row, i) =>
      row.mayImport
        .filter((a) => a !== "../package.json")
        .filter((a) => {
          const target = rows.findIndex((r) => r.units.some((u) => u === a || covers(u, a)));
          return target <= i;
        })
        .map((a) => `${row.units.join(", ")} -> ${a}`),
    );
    expect(against).toEqual([]);
  });

  it("names nothing a row does not import: every permission is used", () => {
    const unused = rows.flatMap((row) =>
      row.mayImport.filter((a) => ![...graph].some(([file, edges]) => rowOf(rows, file) === row && edges.some((e) => covers(a, e.to)))).map((a) => `${row.units.join(", ")} -> ${a}`),
    );
    expect(unused).toEqual([]);
  });
});
