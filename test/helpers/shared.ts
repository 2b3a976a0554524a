// The project's shared reference material (exo's output examples, the OpenAPI document, the seed):
// `../shared` beside the checkout, as CI lays it out; EXO_DBAAS_SHARED names another place, and a
// clone made elsewhere on this workplace's machines falls back to /work/shared.
import { existsSync } from "node:fs";
import { join } from "node:path";

function locate(): string {
  if (process.env.EXO_DBAAS_SHARED) return process.env.EXO_DBAAS_SHARED;
  const beside = join(import.meta.dirname, "..", "..", "..", "shared");
  return existsSync(beside) ? beside : "/work/shared";
}

export const SHARED = locate();
export const EXAMPLES_DIR = join(SHARED, "reference", "exo-output-examples");
export const OPENAPI = join(SHARED, "reference", "dbaas-kafka-openapi.json");
export const SEED = join(SHARED, "seed", "000_89c1b1e0753380a3.txt");
