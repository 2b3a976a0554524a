// Retry policy: which failures are retried, and how long to wait before the next attempt.
import { NetworkError, TimeoutError } from "./errors.js";
import { DEFAULT_RETRY_BUDGET_MS } from "./retry-budget.js";

export interface RetryPolicy {
  /** retries after the first attempt */
  retries: number;
  /** first backoff step */
  baseMs: number;
  /** largest backoff step */
  capMs: number;
  /** largest wait a Retry-After header may impose (within the budget) */
  retryAfterCapMs: number;
  /** time all the waits between attempts may take together, per command (see ClientOptions.retryBudget) */
  budgetMs: number;
}

/** What is left of a retry budget; every wait between attempts spends from it. */
export interface RetryBudget {
  remainingMs: number;
}


export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 4, baseMs: 250, capMs: 4000, retryAfterCapMs: DEFAULT_RETRY_BUDGET_MS, budgetMs: DEFAULT_RETRY_BUDGET_MS };

/**
 * Whether a response status is worth another attempt of a read (go-retryablehttp's rule: 429 and
 * 5xx but 501). Writes are never retried once the server has answered.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * Whether a transport failure may be retried. Only idempotent reads are retried after the request
 * may have reached the server; a write is retried only when the connection was refused, which
 * proves nothing was sent.
 */
export function isRetryableFailure(error: unknown, idempotent: boolean): boolean {
  if (error instanceof NetworkError) {
    if (error.networkKind === "refused") return true;
    return error.transient && idempotent;
  }
  if (error instanceof TimeoutError) return idempotent;
  return false;
}

/** "Full jitter" exponential backoff: a random wait in [step/2, step], step = base * 2^attempt capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as milliseconds (delta-seconds or HTTP-date), capped; undefined when absent or invalid. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number, capMs: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else {
    const date = Date.parse(value);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - nowMs);
  }
  return Math.min(ms, capMs);
}

/** A wait as a person reads it: 250ms, 5s, 1.5s, 60s, 2m0s. */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 100_000) return `${Math.round(ms / 100) / 10}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${s % 60}s`;
}
