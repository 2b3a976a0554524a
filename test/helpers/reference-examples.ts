// The reference examples: the Go exo's stdout for command lines run against canned API
// responses (api/*.json, zone de-muc-1), served here by the emulator's canned-response API.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Emulator } from "../../src/emulator/index.js";
import { EXAMPLES_DIR } from "./shared.js";

export { EXAMPLES_DIR };

/** `GET_dbaas-kafka_test-kafka.json` → `GET /dbaas-kafka/test-kafka`. */
export function cannedRoutes(): { method: string; path: string; body: string }[] {
  const dir = join(EXAMPLES_DIR, "api");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((file) => {
      const [method, ...rest] = file.replace(/\.json$/, "").split("_");
      return { method: method!, path: "/" + rest.join("/"), body: readFileSync(join(dir, file), "utf8") };
    });
}

/** Posts every canned response through the emulator's control API, as a user of the emulator would. */
export async function installCanned(emulator: Emulator): Promise<void> {
  const control = emulator.url.replace(/\/v2$/, "") + "/_emulator/canned";
  for (const route of cannedRoutes()) {
    const response = await fetch(control, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: route.method, path: route.path, status: 200, body: route.body }),
    });
    if (!response.ok) throw new Error(`canned ${route.method} ${route.path}: ${response.status}`);
  }
}

export function expected(name: string): string {
  return readFileSync(join(EXAMPLES_DIR, name), "utf8");
}

export function cannedBody(file: string): any {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, "api", file), "utf8"));
}
