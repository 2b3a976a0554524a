// The house rules of CONTRIBUTING.md, checked on the source: no import cycle, and each layer imports
// only what it may (type-only imports included for the leaf layers, which must build on their own).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

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

  it("has no cycle through imports that exist at run time", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const edge of graph.get(file) ?? []) {
        if (edge.typeOnly || !graph.has(edge.to)) continue;
        if (state.get(edge.to) === "open") cycles.push([...stack.slice(stack.indexOf(edge.to)), edge.to].join(" -> "));
        else if (!state.has(edge.to)) visit(edge.to);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  const RULES: Array<[layer: string, allowed: readonly string[]]> = [
    ["go/", ["go/"]],
    ["templates/", ["templates/", "go/"]],
    ["api/", ["api/", "go/", "config/", "errors.ts"]],
    ["config/", ["config/", "go/", "errors.ts"]],
    // the installed executable (launcher.ts and launcher/): what it imports runs before any code cache
    ["launcher", ["launcher/"]],
  ];
  it.each(RULES)("%s imports only from %j", (layer, allowed) => {
    const outside = [...graph]
      .filter(([file]) => file.startsWith(layer))
      .flatMap(([file, edges]) => edges.filter((e) => !allowed.some((a) => e.to.startsWith(a))).map((e) => `${file} -> ${e.to}`));
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
