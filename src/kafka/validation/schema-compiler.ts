// Turns the JSON Schema the API serves for a settings object into a zod schema at run time.
//
// The compiled schemas take a lossless JSON tree (see json.ts) and produce plain values: numbers
// as `number`, or `bigint` outside the safe range, so nothing the user typed is rounded. Each
// refusal is one self-contained line naming the setting, what it must be, and what was given.

import { exoCommand } from "../../output/shell-word.js";
import * as z from "zod";
import { defineEntry, JsonNumber, JsonObject, numberValue, treeToValue, type JsonTree } from "../../go/json/tree.js";
import { stringifyLosslessJson } from "./json.js";
import { describeTree, quoteShort, shortNumber, showLiteral, showShort } from "./describe.js";
import { INT64_MAX, INT64_MIN, integerBound, numberBound, wholeValue } from "./exact-number.js";
import { closestName } from "./suggest.js";

export type CompiledSetting = z.ZodType<unknown, JsonTree>;

/** The subset of JSON Schema the settings endpoints use. Anything else is ignored. */
export interface PropertySchema {
  [key: string]: unknown;
  type?: unknown;
  properties?: unknown;
  additionalProperties?: unknown;
  enum?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  minLength?: unknown;
  maxLength?: unknown;
  pattern?: unknown;
  items?: unknown;
}

/** Where refused keys should go instead (`log_cleanup_policy` → inside `log-cleanup-and-compaction`). */
export interface ObjectHints {
  /** For the kind named in messages: `unknown setting "x" for kafka`. */
  kind: string;
  /** Keys not allowed here, mapped to the message explaining where they belong. */
  misplaced?: ReadonlyMap<string, (value: JsonTree) => string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function fail(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

const TYPE_NAMES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean (true or false)",
  object: "an object",
  array: "an array",
  null: "null",
};

function typeList(schema: PropertySchema): string[] {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === "string");
  return [];
}

function sameValue(plain: unknown, allowed: unknown): boolean {
  const numeric = (v: unknown) => typeof v === "number" || typeof v === "bigint";
  if (numeric(plain) && numeric(allowed)) {
    const [a, b] = [plain as number | bigint, allowed as number | bigint];
    if (typeof a === typeof b) return a === b;
    const [n, big] = (typeof a === "number" ? [a, b] : [b, a]) as [number, bigint];
    return Number.isInteger(n) && BigInt(n) === big;
  }
  if (plain !== null && typeof plain === "object") return stringifyLosslessJson(plain) === stringifyLosslessJson(allowed);
  return plain === allowed;
}

function withEnum(path: string, schema: PropertySchema, inner: CompiledSetting): CompiledSetting {
  if (!Array.isArray(schema.enum) || schema.enum.length === 0) return inner;
  const allowed: unknown[] = schema.enum;
  const types = typeList(schema);
  const oneOf = `${path} must be one of ${allowed.map(showLiteral).join(", ")}`;
  return z.custom<JsonTree>().transform((value, ctx) => {
    // A value of the wrong type is better answered with the list than with the type alone.
    if (types.length > 0 && !types.some((t) => matchesType(t, value))) return fail(ctx, `${oneOf}, got ${describeTree(value)}`);
    const result = inner.safeParse(value);
    if (!result.success) return fail(ctx, result.error.issues[0]?.message ?? `${path} is invalid`);
    if (!allowed.some((a) => sameValue(result.data, a))) return fail(ctx, `${oneOf}, got ${showShort(result.data)}`);
    return result.data;
  });
}

/** The smallest integer strictly above `bound` (or the largest strictly below, for "max"). */
function strictIntegerBound(bound: unknown, side: "min" | "max"): bigint | undefined {
  const rounded = integerBound(bound, side);
  if (rounded === undefined) return undefined;
  // Fractional bounds are already rounded inward; doubles past the int64 range were clamped to it.
  if (typeof bound === "number" && (!Number.isInteger(bound) || Math.abs(bound) >= 2 ** 63)) return rounded;
  return side === "min" ? rounded + 1n : rounded - 1n;
}

function compileInteger(path: string, schema: PropertySchema): CompiledSetting {
  let low = integerBound(schema.minimum, "min") ?? INT64_MIN;
  let high = integerBound(schema.maximum, "max") ?? INT64_MAX;
  // Draft 4 writes `exclusiveMinimum: true` next to `minimum`; later drafts give the bound itself.
  const exMin = schema.exclusiveMinimum === true ? strictIntegerBound(schema.minimum, "min") : strictIntegerBound(schema.exclusiveMinimum, "min");
  const exMax = schema.exclusiveMaximum === true ? strictIntegerBound(schema.maximum, "max") : strictIntegerBound(schema.exclusiveMaximum, "max");
  if (exMin !== undefined && exMin > low) low = exMin;
  if (exMax !== undefined && exMax < high) high = exMax;
  const range = (iss: { input?: unknown }) => `${path} must be between ${low} and ${high}, got ${shortNumber(String(iss.input))}`;
  return z
    .custom<JsonTree>()
    .transform((value, ctx) => {
      if (!(value instanceof JsonNumber)) return fail(ctx, `${path} must be an integer, got ${describeTree(value)}`);
      if (!value.isIntegerLiteral) {
        const whole = wholeValue(value.text);
        const hint = whole !== undefined && whole.toString().length <= 30 ? ` (write ${whole} without a fraction or exponent)` : "";
        return fail(ctx, `${path} must be an integer, got number ${shortNumber(value.text)}${hint}`);
      }
      return BigInt(value.text);
    })
    .pipe(z.bigint().gte(low, { error: range }).lte(high, { error: range }))
    .transform((big) => (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big));
}

function compileNumber(path: string, schema: PropertySchema): CompiledSetting {
  const min = numberBound(schema.minimum);
  const max = numberBound(schema.maximum);
  const exMin = schema.exclusiveMinimum === true ? min : numberBound(schema.exclusiveMinimum);
  const exMax = schema.exclusiveMaximum === true ? max : numberBound(schema.exclusiveMaximum);
  return z.custom<JsonTree>().transform((value, ctx) => {
    if (!(value instanceof JsonNumber)) return fail(ctx, `${path} must be a number, got ${describeTree(value)}`);
    const n = Number(value.text);
    const shown = shortNumber(value.text);
    if (!Number.isFinite(n)) return fail(ctx, `${path} is too large for a number, got ${shown}`);
    if (min !== undefined && n < min) return fail(ctx, `${path} must be at least ${min}, got ${shown}`);
    if (max !== undefined && n > max) return fail(ctx, `${path} must be at most ${max}, got ${shown}`);
    if (exMin !== undefined && n <= exMin) return fail(ctx, `${path} must be greater than ${exMin}, got ${shown}`);
    if (exMax !== undefined && n >= exMax) return fail(ctx, `${path} must be less than ${exMax}, got ${shown}`);
    return numberValue(value);
  });
}

function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const patternCache = new Map<string, RegExp | null>();

/** JSON Schema patterns come from other regex dialects; one JavaScript cannot compile is not checked. */
export function compilePattern(source: string): RegExp | undefined {
  if (!patternCache.has(source)) {
    let compiled: RegExp | null = null;
    for (const flags of ["u", ""]) {
      try {
        compiled = new RegExp(source, flags);
        break;
      } catch {
        // try the next dialect
      }
    }
    patternCache.set(source, compiled);
  }
  return patternCache.get(source) ?? undefined;
}

function compileString(path: string, schema: PropertySchema): CompiledSetting {
  const minLength = typeof schema.minLength === "number" ? schema.minLength : undefined;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  const pattern = typeof schema.pattern === "string" ? compilePattern(schema.pattern) : undefined;
  const length = (s: string) => [...s].length;
  const characters = (n: number) => `${n} character${n === 1 ? "" : "s"}`;
  let compiled: z.ZodType<string, JsonTree> = z.string({ error: (iss) => `${path} must be a string, got ${describeTree(iss.input as JsonTree)}` });
  if (minLength !== undefined)
    compiled = compiled.refine((s) => length(s) >= minLength, {
      error: (iss) => `${path} must be at least ${characters(minLength)} long, got ${length(iss.input as string)}`,
    });
  if (maxLength !== undefined)
    compiled = compiled.refine((s) => length(s) <= maxLength, {
      error: (iss) => `${path} must be at most ${characters(maxLength)} long, got ${length(iss.input as string)}`,
    });
  if (pattern !== undefined)
    compiled = compiled.refine((s) => pattern.test(s), {
      error: (iss) => `${path} must match /${escapeControls(String(schema.pattern))}/, got ${quoteShort(iss.input as string)}`,
      abort: true,
    });
  return compiled;
}

function compileBoolean(path: string): CompiledSetting {
  return z.boolean({ error: (iss) => `${path} must be a boolean (true or false), got ${describeTree(iss.input as JsonTree)}` });
}

function compileArray(path: string, schema: PropertySchema, hints: ObjectHints): CompiledSetting {
  const item = isRecord(schema.items) ? compileProperty(`${path}[]`, schema.items, hints) : undefined;
  return z.custom<JsonTree>().transform((value, ctx) => {
    if (!Array.isArray(value)) return fail(ctx, `${path} must be an array, got ${describeTree(value)}`);
    if (!item) return value.map(treeToValue);
    const out: unknown[] = [];
    for (const [index, element] of value.entries()) {
      const result = item.safeParse(element);
      if (!result.success) return fail(ctx, (result.error.issues[0]?.message ?? `${path}[] is invalid`).replace(`${path}[]`, `${path}[${index}]`));
      out.push(result.data);
    }
    return out;
  });
}

function compileNull(path: string): CompiledSetting {
  return z.custom<JsonTree>().transform((value, ctx) => (value === null ? null : fail(ctx, `${path} must be null, got ${describeTree(value)}`)));
}

function compileSingleType(type: string, path: string, schema: PropertySchema, hints: ObjectHints): CompiledSetting | undefined {
  switch (type) {
    case "integer":
      return compileInteger(path, schema);
    case "number":
      return compileNumber(path, schema);
    case "string":
      return compileString(path, schema);
    case "boolean":
      return compileBoolean(path);
    case "object":
      return compileObject(path, schema, { kind: hints.kind });
    case "array":
      return compileArray(path, schema, hints);
    case "null":
      return compileNull(path);
    default:
      return undefined;
  }
}

function matchesType(type: string, value: JsonTree): boolean {
  switch (type) {
    case "integer":
    case "number":
      return value instanceof JsonNumber;
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return value instanceof JsonObject;
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    default:
      return true;
  }
}

/** One property: `{type, minimum, maximum, enum, …}` → a zod schema from tree to plain value. */
export function compileProperty(path: string, schema: Record<string, unknown>, hints: ObjectHints): CompiledSetting {
  const types = typeList(schema);
  const branches = types.flatMap((type) => {
    const compiled = compileSingleType(type, path, schema, hints);
    return compiled ? [{ type, compiled }] : [];
  });
  let compiled: CompiledSetting;
  if (branches.length === 0 || branches.length < types.length) compiled = z.custom<JsonTree>().transform(treeToValue);
  else if (branches.length === 1) compiled = branches[0]!.compiled;
  else
    compiled = z.custom<JsonTree>().transform((value, ctx) => {
      const candidates = branches.filter((b) => matchesType(b.type, value));
      if (candidates.length === 0) return fail(ctx, `${path} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(" or ")}, got ${describeTree(value)}`);
      let firstFailure: string | undefined;
      for (const candidate of candidates) {
        const result = candidate.compiled.safeParse(value);
        if (result.success) return result.data;
        firstFailure ??= result.error.issues[0]?.message;
      }
      return fail(ctx, firstFailure ?? `${path} is invalid`);
    });
  return withEnum(path, schema, compiled);
}

/**
 * An object: keys are checked in the order given (the first problem is reported), unknown keys are
 * refused with the closest known name when `additionalProperties` is false, and the output keeps
 * the input's key order.
 */
export function compileObject(
  path: string,
  schema: Record<string, unknown>,
  hints: ObjectHints,
  overrides: ReadonlyMap<string, CompiledSetting> = new Map(),
): CompiledSetting {
  const properties = new Map<string, CompiledSetting>();
  const declared = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, property] of Object.entries(declared)) {
    const childPath = path ? `${path}.${key}` : key;
    const compiled = overrides.get(key) ?? (isRecord(property) ? compileProperty(childPath, property, { kind: hints.kind }) : undefined);
    properties.set(key, compiled ?? z.custom<JsonTree>().transform(treeToValue));
  }
  const closed = schema.additionalProperties === false;
  const label = path || `${hints.kind} settings`;
  const prefix = path ? `${path}.` : "";
  return z.custom<JsonTree>().transform((value, ctx) => {
    if (!(value instanceof JsonObject)) return fail(ctx, `${label} must be ${path ? "an object" : "a JSON object"}, got ${describeTree(value)}`);
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const [key, child] of value.entries) {
      if (seen.has(key)) return fail(ctx, `duplicate setting ${JSON.stringify(prefix + key)} for ${hints.kind}`);
      seen.add(key);
      const compiled = properties.get(key);
      if (!compiled) {
        const misplaced = hints.misplaced?.get(key);
        if (misplaced) return fail(ctx, misplaced(child));
        if (!closed) {
          defineEntry(out, key, treeToValue(child));
          continue;
        }
        const suggestion = closestName(key, properties.keys());
        const unknown = `unknown setting ${quoteShort(prefix + key)} for ${hints.kind}`;
        return fail(
          ctx,
          suggestion !== undefined
            ? `${unknown}; did you mean ${JSON.stringify(prefix + suggestion)}?`
            : `${unknown} (the valid settings are listed by "${exoCommand(["dbaas", "type", "show", "kafka", "--settings", hints.kind])}")`,
        );
      }
      const result = compiled.safeParse(child);
      if (!result.success) return fail(ctx, result.error.issues[0]?.message ?? `${prefix}${key} is invalid`);
      defineEntry(out, key, result.data);
    }
    return out;
  });
}
