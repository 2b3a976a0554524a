// `exo help environment` and `exo help exit-codes`: printed from the tables the README shows (the
// two are compared here), and the environment table lists every variable the sources read.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENVIRONMENT } from "../../src/commands/environment.js";
import { EXIT_CODES } from "../../src/commands/exit-codes.js";
import { ENV } from "../../src/config/env.js";
import { ExitCode } from "../../src/errors.js";
import { runCli } from "../helpers/run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
// read by Node itself, not by the sources
const READ_BY_NODE = new Set(["NODE_EXTRA_CA_CERTS"]);

function sources(dir = join(ROOT, "src")): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [{ path, text: readFileSync(path, "utf8") }] : [];
  });
}

/** Every variable the sources read: `env.NAME`, `env["NAME"]` (any env object), and the lists of src/config/env.ts. */
function variablesRead(): Set<string> {
  const names = new Set<string>(Object.values(ENV).flat());
  for (const { text } of sources()) {
    for (const m of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1]!);
    for (const m of text.matchAll(/\benv\??\.?\[\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\]/g)) names.add(m[1]!);
  }
  return names;
}

describe("exo help environment", () => {
  it("lists every variable the sources read, and only those", () => {
    const documented = ENVIRONMENT.map((v) => v.name);
    expect(new Set(documented).size).toBe(documented.length);
    const read = variablesRead();
    expect([...read].filter((name) => !documented.includes(name)).sort()).toEqual([]);
    expect(documented.filter((name) => !read.has(name) && !READ_BY_NODE.has(name))).toEqual([]);
  });

  it("the sources read no variable by a computed name, except the lists of src/config/env.ts", () => {
    const computed = sources().filter(({ text }) => /\benv\??\.?\[\s*(?!["'`])/.test(text)).map(({ path }) => path.slice(ROOT.length + 1));
    expect(computed).toEqual(["src/config/env.ts"]);
  });

  it("prints each variable with its meaning, within 80 columns, as the README's table", async () => {
    const result = await runCli(["help", "environment"]);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(await runCli(["environment"])).toEqual(result);
    expect(result.stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
    const flat = result.stdout.replace(/\n\s+/g, " ");
    for (const v of ENVIRONMENT) expect(flat).toMatch(new RegExp(` ${v.name} +${v.meaning.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const table = ["| variable | read by | what for |", "| --- | --- | --- |", ...ENVIRONMENT.map((v) => `| \`${v.name}\` | ${v.reader} | ${v.meaning} |`)].join("\n");
    expect(README).toContain(`\n${table}\n\n`);
  });
});

describe("exo help exit-codes", () => {
  it("has a row for every exit code, in order", () => {
    expect(EXIT_CODES.map(([code]) => code)).toEqual(Object.values(ExitCode));
  });

  it("prints each code with its meaning, within 80 columns, as the README's table", async () => {
    const result = await runCli(["help", "exit-codes"]);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(result.stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
    const flat = result.stdout.replace(/\n\s+/g, " ");
    for (const [code, meaning] of EXIT_CODES) expect(flat).toContain(` ${code}${" ".repeat(code > 99 ? 2 : code > 9 ? 3 : 4)}${meaning.replaceAll("`", "")}`);
    expect(flat).toContain("the change was sent and may still complete");
    const table = ["| code | meaning |", "| --- | --- |", ...EXIT_CODES.map(([code, meaning]) => `| ${code} | ${meaning} |`)].join("\n");
    expect(README).toContain(`\n${table}\n\n`);
  });
});
