// npm run docs: writes the command reference (docs/commands/*.md, man/*.1) from the command tree; the
// generator is TypeScript (scripts/docs/reference.ts), bundled here for Node.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = mkdtempSync(join(tmpdir(), "exo-docs-"));
try {
  const outfile = join(dir, "reference.mjs");
  await build({ entryPoints: ["scripts/docs/reference.ts"], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning", external: ["@platformatic/kafka"], banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" } });
  const { referenceFiles, manField, DOCS_DIR, MAN_DIR } = await import(pathToFileURL(outfile).href);
  const files = await referenceFiles();
  // a command removed from the tree loses its pages
  for (const folder of [DOCS_DIR, MAN_DIR]) rmSync(folder, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  // package.json's "man" lists the pages npm installs, after "bin"
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  const entries = Object.entries(pkg).filter(([key]) => key !== "man");
  entries.splice(entries.findIndex(([key]) => key === "bin") + 1, 0, ["man", manField(files)]);
  writeFileSync("package.json", `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
  console.log(`${files.size} files written in ${DOCS_DIR}/ and ${MAN_DIR}/`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
