// Timing helpers of the benchmarks: medians, and one timed run of a process.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs EXECUTABLE ARGS to its end: wall time in ms and stdout; throws if it fails. */
export function timeSpawn(executable, args, env) {
  const t0 = performance.now();
  const r = spawnSync(executable, args, { env, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${executable} ${args.join(" ")} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}
