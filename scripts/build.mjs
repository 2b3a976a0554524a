// Bundles the two binaries and the template library with esbuild.
// The CLI is one minified ESM entry; commands are split into lazily imported chunks
// so `exo version` does not pay for zod, the API client or the template engine.
import { build } from "esbuild";
import { rmSync, chmodSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

rmSync("dist", { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  // Bundled CommonJS dependencies may call require(); give ESM output a real one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
};

const entries = [
  { in: "src/cli.ts", out: "cli" },
  { in: "src/emulator/main.ts", out: "emulator" },
].filter((e) => existsSync(e.in));

await build({
  ...common,
  entryPoints: entries,
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});
for (const e of entries) {
  const file = `dist/${e.out}.js`;
  const { readFileSync, writeFileSync } = await import("node:fs");
  writeFileSync(file, "#!/usr/bin/env node\n" + readFileSync(file, "utf8"));
  chmodSync(file, 0o755);
}

// The template engine is published on its own entry point (exo-dbaas/templates).
if (existsSync("src/templates/index.ts")) {
  await build({ ...common, banner: undefined, minify: false, entryPoints: ["src/templates/index.ts"], outfile: "dist/templates/index.js" });
  execFileSync("npx", ["tsc", "src/templates/index.ts", "--declaration", "--emitDeclarationOnly", "--skipLibCheck",
    "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--outDir", "dist/templates"], { stdio: "inherit" });
}
