// A private esbuild bundle of the CLI for subprocess tests (dist/ belongs to `npm run build`,
// which other test runs may be rewriting at the same moment).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..", "..");
const exec = promisify(execFile);

export interface CliBundle {
  /** path of the entry script */
  cli: string;
  /** runs `node cli.js ...args` with exactly this environment (plus PATH) */
  run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  remove(): void;
}

export async function buildCliBundle(): Promise<CliBundle> {
  const dir = mkdtempSync(join(tmpdir(), "exo-cli-bundle-"));
  await build({
    entryPoints: { cli: join(ROOT, "src/exo.ts") },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  });
  const cli = join(dir, "cli.js");
  return {
    cli,
    async run(args, env) {
      try {
        const { stdout, stderr } = await exec(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", ...env } });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
