// The command reference (docs/commands/*.md, man/*.1) is what `npm run docs` writes from the command
// tree today: a command added, renamed or given new help without regenerating it fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCS_DIR, MAN_DIR, manField, referenceFiles } from "../../scripts/docs/reference.js";
import { defineCommand } from "../../src/commands/define.js";
import type { GroupEntry } from "../../src/commands/registry.js";

const ROOT = resolve(import.meta.dirname, "../..");
const files = await referenceFiles();

describe("the command reference", () => {
  it("is current: every generated file is committed as generated (run npm run docs)", () => {
    const stale = [...files].filter(([path, text]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), "utf8") !== text).map(([path]) => path);
    expect(stale).toEqual([]);
  });

  it("has no page of a command that is gone", () => {
    const committed = [DOCS_DIR, MAN_DIR].flatMap((dir) => readdirSync(join(ROOT, dir)).map((name) => `${dir}/${name}`));
    expect(committed.filter((path) => !files.has(path))).toEqual([]);
  });

  it("has a page and a man page for every command, exo dbaas show among them", () => {
    expect(files.get(`${DOCS_DIR}/exo_dbaas_show.md`)).toContain("Usage: exo dbaas show");
    expect(files.get(`${MAN_DIR}/exo-dbaas-dbaas-show.1`)).toMatch(/^\.TH "EXO-DBAAS-DBAAS-SHOW" "1"/);
  });

  it("is shipped: package.json's files and man name every man page", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[]; man: string[] };
    expect(pkg.files).toContain(MAN_DIR);
    expect(pkg.man).toEqual(manField(files));
  });

  it("follows the tree: a new leaf gets its pages, linked from its group's", async () => {
    const leaf = { name: "probe", summary: "Probe a service", load: async () => ({ default: defineCommand({ args: { name: "service" }, run: async () => undefined }) }) };
    const tree: GroupEntry = { name: "exo", summary: "root", children: [{ name: "dbaas", summary: "group", children: [leaf] }] };
    const generated = await referenceFiles(tree);
    expect(generated.get(`${DOCS_DIR}/exo_dbaas_probe.md`)).toContain("Usage: exo dbaas probe [options] NAME");
    expect(generated.get(`${DOCS_DIR}/exo_dbaas.md`)).toContain("- [exo dbaas probe](exo_dbaas_probe.md): Probe a service");
    expect(generated.get(`${MAN_DIR}/exo-dbaas-dbaas-probe.1`)).toContain("exo-dbaas-dbaas-probe \\- Probe a service");
  });

  it("keeps roff from reading help text as requests", async () => {
    const leaf = { name: "odd", summary: "a \\ backslash", load: async () => ({ default: defineCommand({ description: ".TH not a request\n'also not", run: async () => undefined }) }) };
    const page = (await referenceFiles({ name: "exo", summary: "root", children: [leaf] })).get(`${MAN_DIR}/exo-dbaas-odd.1`)!;
    expect(page).toContain("exo-dbaas-odd \\- a \\e backslash");
    expect(page).toContain("\n\\&.TH not a request\n\\&'also not");
  });
});
