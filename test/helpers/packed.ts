// The package as users get it: `npm pack`, then `npm install -g --prefix DIR` of the tarball, done once per
// test run and shared by every test file that needs it (test workers wait for the first one to finish).
// The run's directory is removed by the global teardown (packed-teardown.ts).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { ensureBuilt, ROOT } from "./built-cli.js";

const exec = promisify(execFile);

export interface InstalledPackage {
  tarball: string;
  /** `npm install -g --prefix` target: bin/ holds the commands */
  prefix: string;
  /** the installed package directory (PREFIX/lib/node_modules/exo-dbaas) */
  packageDir: string;
  bin(name: "exo" | "exo-dbaas" | "exo-emulator"): string;
  /** a new project directory whose node_modules/exo-dbaas is the installed package */
  consumer(): string;
}

/** The directory of this test run's package (the vitest main process is every worker's parent). */
export const packedRunDir = (runPid = process.ppid) => join(tmpdir(), `exo-dbaas-packed-${runPid}`);

export async function installedPackage(): Promise<InstalledPackage> {
  const dir = packedRunDir();
  const done = join(dir, "ready");
  const failed = join(dir, "failed");
  let first = false;
  try {
    mkdirSync(dir);
    first = true;
  } catch {
    // another test file is packing: wait for it
  }
  if (first) {
    try {
      await ensureBuilt();
      // npm test has just built dist/; the prepack build would rebuild it under the other running tests
      const { stdout } = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: ROOT });
      const tarball = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
      await exec("npm", ["install", "-g", "--prefix", join(dir, "prefix"), "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: dir });
      writeFileSync(done, tarball);
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  }
  for (let waited = 0; !existsSync(done); waited += 100) {
    if (existsSync(failed)) throw new Error(`packing failed in another test file: ${readFileSync(failed, "utf8")}`);
    if (waited > 170_000) throw new Error("timed out waiting for the packed package");
    await sleep(100);
  }
  const prefix = join(dir, "prefix");
  const packageDir = join(prefix, "lib", "node_modules", "exo-dbaas");
  let consumers = 0;
  return {
    tarball: readFileSync(done, "utf8"),
    prefix,
    packageDir,
    bin: (name) => join(prefix, "bin", name),
    consumer() {
      const project = join(dir, `consumer-${process.pid}-${consumers++}`);
      mkdirSync(join(project, "node_modules"), { recursive: true });
      symlinkSync(packageDir, join(project, "node_modules", "exo-dbaas"), "dir");
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
      return project;
    },
  };
}

/** Files of the tarball, as `tar -t` lists them (package/…). */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await exec("tar", ["-tzf", tarball]);
  return stdout.split("\n").filter(Boolean);
}
