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

export class FaultController {
  latencyMs = 0;
  private rules: (FaultRule & { remaining: number })[] = [];

  /** Queues a rule; it applies to the next `count` matching requests. */
  inject(rule: FaultRule): void {
    if (!KINDS.includes(rule.kind)) throw new Error(`unknown fault kind ${JSON.stringify(rule.kind)} (one of ${KINDS.join(", ")})`);
    if (rule.kind === "status" && !(Number.isInteger(rule.status) && rule.status! >= 400 && rule.status! <= 599)) {
      throw new Error("fault kind \"status\" needs a status between 400 and 599");
    }
    const count = rule.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error("fault count must be a positive integer");
    this.rules.push({ ...rule, remaining: count });
  }

  /** Applies a settings document as POSTed to /_emulator/faults. */
  configure(settings: FaultSettings): void {
    if (settings.latencyMs !== undefined) {
      if (!(typeof settings.latencyMs === "number" && settings.latencyMs >= 0)) throw new Error("latencyMs must be a number >= 0");
      this.latencyMs = settings.latencyMs;
    }
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
