// Global set-up of the test run: removes the packed package (test/helpers/packed.ts) when the run ends.
import { rmSync } from "node:fs";
import { packedRunDir } from "./packed.js";

export default function setup(): () => void {
  return () => rmSync(packedRunDir(process.pid), { recursive: true, force: true });
}
