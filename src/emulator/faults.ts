// Fault injection for tests: latency, error statuses, dropped connections, truncated bodies, wrong content
// types and slow responses, each for the next N matching requests.

export type FaultKind = "status" | "drop" | "truncate" | "content-type" | "slow";

export interface FaultRule {
  kind: FaultKind;
  /** how many matching requests it affects (default 1) */
  count?: number;
  /** only requests with this method (any when absent) */
  method?: string;
  /** only requests whose path starts with this, with or without the /v2 prefix (any when absent) */
  pathPrefix?: string;
  /** only requests with exactly this path (query excluded), with or without the /v2 prefix */
  path?: string;
  /** kind "status": the status to answer (500, 502, 503, 429, ...) */
  status?: number;
  /** kind "status": a Retry-After header value in seconds */
  retryAfter?: number;
  /** kind "status": the body (default `{"message": "<status text>"}`) */
  body?: string;
  /** kind "slow": delay before the headers are sent (default 2000 ms) */
  delayMs?: number;
  /** kind "content-type": the Content-Type to send (default text/html) */
  contentType?: string;
  /** kind "drop": "before" (default) drops without handling the request; "after" handles it, then drops */
  when?: "before" | "after";
  /**
   * kind "truncate": by default half the body is sent, then the connection is reset (mid-body); with
   * `complete: true` the half body is a whole response (its own Content-Length): truncated JSON
   */
  complete?: boolean;
}

export interface FaultSettings {
  /** latency added to every API request, in ms */
  latencyMs?: number;
  rules?: FaultRule[];
}

const KINDS: FaultKind[] = ["status", "drop", "truncate", "content-type", "slow"];

/** A control API value refused before it is stored; `field` names it. */
export class ControlFieldError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`invalid ${JSON.stringify(field)}: ${problem}`);
    this.name = "ControlFieldError";
  }
}

/** Longest delay a rule or the latency may add (10 minutes): anything longer is a mistake. */
export const MAX_DELAY_MS = 600_000;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;[\t\x20-\x7e]*)?$/;
const PATH = /^\/[\x21-\x7e]*$/;

type Check = (value: unknown) => string | undefined;
const integer = (min: number, max: number): Check => (v) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `must be an integer from ${min} to ${max}`);
const delay: Check = (v) => (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= MAX_DELAY_MS ? undefined : `must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
const matching = (pattern: RegExp, what: string): Check => (v) => (typeof v === "string" && pattern.test(v) ? undefined : `must be ${what}`);
const oneOf = (values: readonly unknown[]): Check => (v) => (values.includes(v) ? undefined : `must be one of ${values.map((x) => JSON.stringify(x)).join(", ")}`);

export const checks = {
  method: matching(TOKEN, "an HTTP method (letters)"),
  path: matching(PATH, "a path starting with / (printable ASCII, no spaces)"),
  delay,
  integer,
  oneOf,
  mediaType: matching(MEDIA_TYPE, "a media type such as text/html; charset=utf-8 (printable ASCII, no CR or LF)"),
};

const RULE_FIELDS: Record<keyof FaultRule, Check> = {
  kind: (v) => (KINDS.includes(v as FaultKind) ? undefined : `unknown fault kind ${JSON.stringify(v)} (one of ${KINDS.join(", ")})`),
  count: integer(1, 1_000_000),
  method: checks.method,
  pathPrefix: checks.path,
  path: checks.path,
  status: integer(400, 599),
  // a year at most: large enough for clients that must refuse an absurd wait, still a finite header
  retryAfter: integer(0, 31_536_000),
  body: (v) => (typeof v === "string" ? undefined : "must be a string"),
  delayMs: delay,
  contentType: checks.mediaType,
  when: oneOf(["before", "after"]),
  complete: oneOf([true, false]),
};

/** Every field of `fields` known to `checks` and valid, or ControlFieldError naming the first that is not. */
export function checkFields(fields: object, known: Record<string, Check>, prefix = ""): void {
  for (const [name, value] of Object.entries(fields)) {
    const check = Object.hasOwn(known, name) ? known[name] : undefined;
    if (!check) throw new ControlFieldError(prefix + name, "unknown field");
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) throw new ControlFieldError(prefix + name, problem);
  }
}

/** A rule as the control API and inject() accept it. */
export function checkFaultRule(rule: FaultRule, prefix = ""): void {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) throw new ControlFieldError(prefix || "rule", "must be an object");
  checkFields(rule, RULE_FIELDS, prefix);
  if (rule.kind === undefined) throw new ControlFieldError(`${prefix}kind`, `is required (one of ${KINDS.join(", ")})`);
  if (rule.kind === "status" && rule.status === undefined) throw new ControlFieldError(`${prefix}status`, 'fault kind "status" needs a status between 400 and 599');
}

export class FaultController {
  latencyMs = 0;
  private rules: (FaultRule & { remaining: number })[] = [];

  /** Queues a rule; it applies to the next `count` matching requests. */
  inject(rule: FaultRule): void {
    checkFaultRule(rule);
    this.rules.push({ ...rule, remaining: rule.count ?? 1 });
  }

  /** Applies a settings document as POSTed to /_emulator/faults: all of it, or nothing when a field is invalid. */
  configure(settings: FaultSettings): void {
    checkFields(settings, { latencyMs: delay, rules: (v) => (Array.isArray(v) ? undefined : "must be an array of rules") });
    (settings.rules ?? []).forEach((rule, i) => checkFaultRule(rule, `rules[${i}].`));
    if (settings.latencyMs !== undefined) this.latencyMs = settings.latencyMs;
    for (const rule of settings.rules ?? []) this.inject(rule);
  }

  clear(): void {
    this.latencyMs = 0;
    this.rules = [];
  }

  list(): { latencyMs: number; rules: (FaultRule & { remaining: number })[] } {
    return { latencyMs: this.latencyMs, rules: this.rules.map((r) => ({ ...r })) };
  }

  /** Consumes and returns the first rule matching the request, if any. */
  take(method: string, path: string): FaultRule | undefined {
    const withoutBase = path.startsWith("/v2/") ? path.slice(3) : path;
    const index = this.rules.findIndex(
      (r) =>
        (!r.method || r.method.toUpperCase() === method.toUpperCase()) &&
        (!r.pathPrefix || path.startsWith(r.pathPrefix) || withoutBase.startsWith(r.pathPrefix)) &&
        (!r.path || path === r.path || withoutBase === r.path),
    );
    if (index < 0) return undefined;
    const rule = this.rules[index]!;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    const { remaining: _remaining, ...rest } = rule;
    return rest;
  }
}
