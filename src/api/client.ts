// The HTTP client for one zone's API endpoint: signing, retries, timeouts, tracing, JSON
// decoding and response validation. It knows nothing of the CLI.
import { signRequest, SIGNATURE_TTL_SECONDS } from "./sign.js";
import { apiErrorFor, ApiError, InvalidResponseError, statusText, TimeoutError } from "./errors.js";
import { parse, stringify, JsonSyntaxError } from "./json.js";
import { toNetworkError } from "./network.js";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  formatWait,
  isRetryableFailure,
  isRetryableStatus,
  parseRetryAfter,
  type RetryBudget,
  type RetryPolicy,
} from "./retry.js";
import { collectSecrets, formatTraceRequest, formatTraceResponse, redactText } from "./trace.js";
import { httpFetch, type TransportInit } from "./http-transport.js";

/** What the client needs of fetch; the global fetch fits, the default is the lighter httpFetch. */
export type Transport = (
  url: string,
  init: TransportInit,
) => Promise<{ status: number; statusText: string; headers: { get(name: string): string | null } & Iterable<[string, string]>; text(): Promise<string> }>;

export interface Credentials {
  key: string;
  secret: string;
}

/** The subset of a zod schema the client needs (kept structural so this module does not load zod). */
export interface Validator<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly ValidationIssue[] } };
  /** builds what safeParse needs ahead of time; the client calls it while the response is on its way */
  prepare?(): void;
}
export interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

export interface ClientOptions {
  /** base URL including /v2, e.g. https://api-ch-gva-2.exoscale.com/v2 */
  endpoint: string;
  credentials: Credentials;
  /** extra headers for every request (account customHeaders) */
  headers?: Record<string, string>;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  /** per-attempt timeout; 0 disables */
  requestTimeoutMs?: number;
  /** overall time budget of one request() call, retries included; 0 disables */
  deadlineMs?: number;
  /** receives trace text (EXOSCALE_TRACE) */
  trace?: (text: string) => void;
  /** the HTTP transport (default: httpFetch over node:http/https) */
  fetch?: Transport;
  /** wall clock in ms; drives signature expiry and deadlines */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** aborts every request of this client (e.g. Ctrl-C) */
  signal?: AbortSignal;
  /**
   * what is left of the command's retry budget, shared by all its clients and spent by every wait
   * between attempts; default: a budget of `retry.budgetMs` for this client alone
   */
  retryBudget?: RetryBudget;
  /**
   * the secrets sent and received so far (request and response members such as passwords), which
   * traces and error messages leave out; shared by a command's clients (default: this client's own)
   */
  knownSecrets?: Set<string>;
  /** told when a change (a request other than a read) is handed to the network: from then on it may happen */
  onChangeSent?: () => void;
  /** told of each wait before another attempt, e.g. `retrying in 5s after 503 Service Unavailable (attempt 2 of 5)` */
  onRetry?: (notice: string) => void;
}

export interface RequestSpec<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** path below the endpoint, starting with "/" */
  path: string;
  /** JSON body (serialised like Go's json.Marshal) */
  body?: unknown;
  schema?: Validator<T>;
  /** kebab-case API operation name, shown in traces */
  operationId: string;
  /** GET /zone is the only unsigned call */
  unsigned?: boolean;
  /** a read sent as POST (service logs, metrics): changes nothing, so retried like a GET */
  read?: boolean;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export class ApiClient {
  readonly endpoint: string;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly fetchImpl: Transport;

  constructor(private readonly options: ClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, "");
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.fetchImpl = options.fetch ?? httpFetch;
    this.budget = options.retryBudget ?? { remainingMs: this.policy.budgetMs };
    this.known = options.knownSecrets ?? new Set();
    this.known.add(options.credentials.secret);
  }

  private readonly known: Set<string>;

  private readonly budget: RetryBudget;

  /** Sends a request with retries and returns the decoded, validated body. */
  async request<T = unknown>(spec: RequestSpec<T>): Promise<T> {
    collectSecrets(spec.body, this.known);
    try {
      return await this.send(spec);
    } catch (error) {
      // an API error may echo what was sent: a password, or the secret itself
      if (error instanceof Error && error !== this.options.signal?.reason) error.message = redactText(error.message, this.known);
      throw error;
    }
  }

  private async send<T>(spec: RequestSpec<T>): Promise<T> {
    const url = this.endpoint + spec.path;
    const body = spec.body === undefined ? undefined : stringify(spec.body, { escapeHTML: true });
    const deadline = this.options.deadlineMs ? this.now() + this.options.deadlineMs : Infinity;
    const idempotent = spec.method === "GET" || spec.read === true;
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      let retryAfterMs: number | undefined;
      try {
        const response = await this.attempt(spec, url, body, deadline);
        if (response.status >= 200 && response.status < 300) return this.decode(spec, url, response);
        const error = apiErrorFor(response.status, redactText(response.text, this.known), spec.method, url);
        if (!idempotent || !isRetryableStatus(response.status)) throw error;
        failure = error;
        retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), this.now(), Infinity);
        const left = this.budget.remainingMs;
        if (retryAfterMs !== undefined && retryAfterMs > left) {
          error.message = `${response.status} ${statusText(response.status)}, Retry-After ${Math.ceil(retryAfterMs / 1000)}s exceeds the ${formatWait(this.policy.budgetMs)} retry budget (${formatWait(left)} left)`;
          throw error;
        }
      } catch (error) {
        if (error instanceof ApiError || !isRetryableFailure(error, idempotent)) throw error;
        failure = error;
      }
      if (attempt >= this.policy.retries) throw withAttempts(failure, attempt + 1);
      const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, this.policy.retryAfterCapMs) : backoffDelay(attempt, this.policy, this.options.random);
      if (this.now() + delay >= deadline || delay > this.budget.remainingMs) throw withAttempts(failure, attempt + 1);
      this.options.onRetry?.(`retrying in ${formatWait(delay)} after ${describeFailure(failure)} (attempt ${attempt + 2} of ${this.policy.retries + 1})`);
      this.budget.remainingMs -= delay;
      await this.sleep(delay, this.options.signal);
    }
  }

  private async attempt(spec: RequestSpec<unknown>, url: string, body: string | undefined, deadline: number) {
    const headers: Record<string, string> = { ...this.options.headers };
    if (this.options.userAgent) headers["User-Agent"] = this.options.userAgent;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    headers["Accept"] = "application/json";
    if (!spec.unsigned) {
      // Signed at send time: a retry after a long wait never reuses an expired signature.
      const expires = Math.floor(this.now() / 1000) + SIGNATURE_TTL_SECONDS;
      const { key, secret } = this.options.credentials;
      headers["Authorization"] = signRequest({ method: spec.method, url, body, key, secret, expires });
    }
    this.trace(() => formatTraceRequest({ operationId: spec.operationId, method: spec.method, url, headers, body: body ?? "" }, this.secrets()));

    const attemptMs = (this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) || Infinity;
    const remainingMs = deadline - this.now();
    const timeoutMs = Math.min(attemptMs, remainingMs);
    // name the limit the user set (e.g. --timeout 300ms), not the few ms fewer left of it
    const limitMs = remainingMs < attemptMs && this.options.deadlineMs ? this.options.deadlineMs : timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, Math.max(0, timeoutMs))
      : undefined;
    const onAbort = () => controller.abort(this.options.signal?.reason);
    this.options.signal?.addEventListener("abort", onAbort, { once: true });
    // interrupted before this attempt started (e.g. between two requests): send nothing
    if (this.options.signal?.aborted) onAbort();
    else if (spec.method !== "GET" && spec.read !== true) this.options.onChangeSent?.();
    try {
      const pending = this.fetchImpl(url, { method: spec.method, headers, body, signal: controller.signal });
      // the schema is built in the wait for the answer rather than after it
      if (spec.schema?.prepare) setImmediate(spec.schema.prepare);
      const response = await pending;
      const text = await response.text();
      this.trace(() =>
        formatTraceResponse({ status: response.status, statusText: response.statusText, headers: response.headers, body: text }, this.secrets()),
      );
      return { status: response.status, headers: response.headers, contentType: response.headers.get("content-type") ?? "", text };
    } catch (error) {
      if (timedOut) throw new TimeoutError(`request timed out after ${formatMs(limitMs)}: ${spec.method} ${url}`);
      if (this.options.signal?.aborted) throw this.options.signal.reason ?? error;
      throw toNetworkError(error, spec.method, url);
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener("abort", onAbort);
    }
  }

  private decode<T>(spec: RequestSpec<T>, url: string, response: { status: number; contentType: string; text: string }): T {
    const where = `${spec.method} ${url}`;
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(response.contentType)) {
      throw new InvalidResponseError(`unexpected content type ${JSON.stringify(response.contentType)} in the response to ${where} (status ${response.status})`);
    }
    let value: unknown;
    try {
      value = parse(response.text);
    } catch (error) {
      const reason = error instanceof JsonSyntaxError ? error.message : String(error);
      throw new InvalidResponseError(`invalid JSON in the response to ${where}: ${reason}`);
    }
    collectSecrets(value, this.known);
    if (!spec.schema) return value as T;
    const result = spec.schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = issue ? formatPath(issue.path) : "";
    throw new InvalidResponseError(`unexpected response to ${where}: ${field ? `field ${field}: ` : ""}${issue?.message ?? "invalid shape"}`);
  }

  private secrets(): string[] {
    return [...this.known];
  }

  private trace(make: () => string): void {
    if (this.options.trace) this.options.trace(make());
  }
}

/** `dbaas-services[0].name`, the way a reader would address the field. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

/** `503 Service Unavailable`, or the transport failure's own text. */
function describeFailure(error: unknown): string {
  if (error instanceof ApiError) return `${error.status} ${statusText(error.status)}`;
  return error instanceof Error ? error.message : String(error);
}

function withAttempts(error: unknown, attempts: number): unknown {
  if (attempts > 1 && error instanceof Error) error.message += ` (gave up after ${attempts} attempts)`;
  return error;
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
