// Waiting for an asynchronous operation (the result of every mutating call) to finish.
import { ApiError, NetworkError, ServerError, TimeoutError } from "./errors.js";
import { realSleep, type ApiClient } from "./client.js";
import type { Operation } from "./schemas.js";
import { getOperation } from "./dbaas.js";
import { OperationTimeoutError } from "./operation-timeout.js";

export { formatDuration, OperationTimeoutError } from "./operation-timeout.js";

/** The operation ended in `failure` or `timeout`. */
export class OperationFailedError extends Error {
  constructor(readonly operation: Operation) {
    super(describeFailure(operation));
    this.name = "OperationFailedError";
  }
}

export interface WaitOptions {
  /** give up after this long; 0 or absent waits forever */
  timeoutMs?: number;
  /** called after every poll */
  onProgress?: (operation: Operation) => void;
  /** first poll delay */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** consecutive failed polls tolerated before giving up (the Go SDK allows 5) */
  maxPollErrors?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/** Polls GET /operation/{id} with a growing interval until the operation succeeds. */
export async function waitForOperation(client: ApiClient, op: Operation, options: WaitOptions = {}): Promise<Operation> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const maxDelay = options.maxDelayMs ?? 3000;
  const maxPollErrors = options.maxPollErrors ?? 5;
  const start = now();
  let delay = options.initialDelayMs ?? 300;
  let current = op;
  let pollErrors = 0;
  for (;;) {
    if (current.state === "success") return current;
    if (current.state !== "pending" && current.state !== undefined) throw new OperationFailedError(current);

    const elapsed = now() - start;
    if (options.timeoutMs && elapsed >= options.timeoutMs) throw new OperationTimeoutError(current, elapsed);
    const wait = options.timeoutMs ? Math.min(delay, Math.max(0, options.timeoutMs - elapsed)) : delay;
    await sleep(wait, options.signal);
    delay = Math.min(maxDelay, Math.round(delay * 1.5));

    try {
      current = await getOperation(client, current.id);
      pollErrors = 0;
      options.onProgress?.(current);
    } catch (error) {
      if (!isTransient(error) || ++pollErrors >= maxPollErrors) throw error;
    }
  }
}

function isTransient(error: unknown): boolean {
  if (error instanceof ServerError) return true;
  if (error instanceof ApiError) return error.status === 429;
  return error instanceof NetworkError || error instanceof TimeoutError;
}

function describeFailure(op: Operation): string {
  const ref = op.reference;
  const reference = ref ? `{${ref.command ?? ""} ${ref.id ?? ""} ${ref.link ?? ""}}` : "{  }";
  return `operation: ${JSON.stringify(op.id)} ${reference}, state: ${op.state ?? ""}, reason: ${JSON.stringify(op.reason ?? "")}, message: ${JSON.stringify(op.message ?? "")}`;
}
