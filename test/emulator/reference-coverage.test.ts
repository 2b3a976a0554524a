// The emulator against the reference documents: every operation of the trimmed OpenAPI document is
// routed, and the live kafka settings schema carries each of the seed's 39 settings with the type,
// bounds, example and enum the seed's `exo dbaas type show kafka --settings kafka` table prints.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { parseJson } from "../../src/emulator/lossless-json.js";
import { matchRoute } from "../../src/emulator/routes.js";
import { call } from "./client.js";
import { OPENAPI, SEED } from "../helpers/shared.js";

const REFERENCE = OPENAPI;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ operationDelayMs: 0, rebuildDelayMs: 0, seed: true });
});
afterAll(() => emu.close());

describe("start-up", () => {
  // how fast it starts is a benchmark figure (npm run bench), not a timed test
  it("listens on 127.0.0.1 over plain HTTP by default", async () => {
    const plain = await startEmulator();
    try {
      expect((await call(plain, "GET", "/zone", { unsigned: true })).status).toBe(200);
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    } finally {
      await plain.close();
    }
  });
});

describe("every operation of dbaas-kafka-openapi.json", () => {
  const spec = JSON.parse(readFileSync(REFERENCE, "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ["get", "post", "put", "delete"].includes(m))
      .map((m) => [m.toUpperCase(), path] as const),
  );

  it("has the 25 operations the reference lists", () => {
    expect(operations).toHaveLength(25);
  });

  it.each(operations)("%s %s is routed", (method, template) => {
    const path = template.replace(/\{[^}]+\}/g, "x1");
    const match = matchRoute(method, path);
    expect(match, `${method} ${path}`).toBeTypeOf("object");
  });

  it("answers logs, metrics, maintenance start and the operation of a mutation over HTTP", async () => {
    expect((await call(emu, "POST", "/dbaas-service-logs/test-kafka", { json: {} })).json.logs.length).toBeGreaterThan(0);
    expect((await call(emu, "POST", "/dbaas-service-metrics/test-kafka", { json: { period: "day" } })).json.metrics).toBeTypeOf("object");
    const op = await call(emu, "PUT", "/dbaas-kafka/test-kafka/maintenance/start");
    expect(op.status).toBe(200);
    const polled = await call(emu, "GET", `/operation/${op.json.id}`);
    expect(polled.json).toMatchObject({ id: op.json.id, state: expect.stringMatching(/^(pending|success)$/) });
  });
});

interface SeedRow {
  key: string;
  type: string;
  notes: string[];
}

/** The rows of the seed's `exo dbaas type show kafka --settings kafka` table. */
function seedSettingsRows(): SeedRow[] {
  const lines = readFileSync(SEED, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("exo dbaas type show kafka --settings kafka"));
  const rows: SeedRow[] = [];
  // skip the command line, the top rule, the header and the rule under it
  for (const line of lines.slice(start + 4)) {
    if (!line.startsWith("│")) break;
    const [, key, type, description] = line.split("│").map((cell) => cell.trim());
    if (key) rows.push({ key, type: type!, notes: [] });
    else if (description) rows.at(-1)!.notes.push(description);
  }
  return rows;
}

/** What a row's "* Minimum: / Maximum:", "* Example:" and "* Supported values:" notes say. */
function facts(row: SeedRow) {
  const out: { minimum?: number; maximum?: number; example?: string; enum?: string[] } = {};
  row.notes.forEach((note, i) => {
    let m = /^\* Minimum: (\S+) \/ Maximum: (\S+)$/.exec(note);
    if (m) [out.minimum, out.maximum] = [Number(m[1]), Number(m[2])];
    m = /^\* Example: (.+)$/.exec(note);
    if (m) out.example = m[1]!;
    if (note === "* Supported values:") {
      out.enum = [];
      for (const next of row.notes.slice(i + 1)) {
        const v = /^- (.+)$/.exec(next);
        if (!v) break;
        out.enum.push(v[1]!);
      }
    }
  });
  return out;
}

describe("the kafka settings schema served by GET /dbaas-settings-kafka", () => {
  const rows = seedSettingsRows();

  it("the seed lists 39 settings", () => {
    expect(rows).toHaveLength(39);
    expect(new Set(rows.map((r) => r.key)).size).toBe(39);
  });

  it("serves each of them with the seed's type, bounds, example and values", async () => {
    const r = await call(emu, "GET", "/dbaas-settings-kafka");
    // lossless parse: the 2^63-1 maxima are compared exactly below
    const properties = (parseJson(r.text) as any).settings.kafka.properties as Record<string, any>;
    const nested = properties["log-cleanup-and-compaction"]?.properties ?? {};
    for (const row of rows) {
      const schema = properties[row.key] ?? nested[row.key];
      expect(schema, row.key).toBeDefined();
      expect(schema.type, row.key).toBe(row.type);
      const f = facts(row);
      // the table prints numbers as Go's %v of a float64; compare as doubles
      if (f.minimum !== undefined) expect(Number(schema.minimum), `${row.key} minimum`).toBe(f.minimum);
      if (f.maximum !== undefined) expect(Number(schema.maximum), `${row.key} maximum`).toBe(f.maximum);
      if (f.example !== undefined) {
        const example = row.type === "string" || row.type === "boolean" ? String(schema.example) : Number(schema.example);
        expect(example, `${row.key} example`).toEqual(row.type === "string" || row.type === "boolean" ? f.example : Number(f.example));
      } else {
        expect(schema.example, `${row.key} example`).toBeUndefined();
      }
      if (f.enum) expect(schema.enum, `${row.key} enum`).toEqual(f.enum);
    }
    expect(r.text).toContain('"maximum":9223372036854775807');
  });

  it("rejects a value beyond a seed maximum and accepts the maximum itself", async () => {
    const over = await call(emu, "POST", "/dbaas-kafka/seed-bounds", { json: { plan: "startup-2", "kafka-settings": { min_insync_replicas: 8 } } });
    expect(over.status).toBe(400);
    expect(over.json.message).toMatch(/min_insync_replicas: must be at most 7/);
    const ok = await call(emu, "POST", "/dbaas-kafka/seed-bounds", { json: { plan: "startup-2", "kafka-settings": { min_insync_replicas: 7 } } });
    expect(ok.status).toBe(200);
  });

  it("serves every property of the spec's json-schema-* objects, with their types", async () => {
    const settings = (await call(emu, "GET", "/dbaas-settings-kafka")).json.settings;
    const schemas = (JSON.parse(readFileSync(REFERENCE, "utf8")) as any).components.schemas;
    for (const name of ["kafka", "kafka-connect", "kafka-rest", "schema-registry"]) {
      expect(settings[name], name).toMatchObject({ type: "object", additionalProperties: false });
      const specProperties = schemas[`json-schema-${name}`].properties as Record<string, { type?: string }>;
      for (const [key, spec] of Object.entries(specProperties)) {
        expect(settings[name].properties[key], `${name}.${key}`).toBeDefined();
        if (spec.type) expect(settings[name].properties[key].type, `${name}.${key}`).toBe(spec.type);
      }
    }
  });
});
