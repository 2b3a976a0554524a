// Giving up the wait for an operation: its own file, so the edge can map it to its exit code without
// loading the API client.
import type { Operation } from "./schemas.js";

/** The client stopped waiting before the operation ended: the change may still happen (main.ts exits 3). */
export class OperationTimeoutError extends Error {
  constructor(
    readonly operation: Operation,
    readonly waitedMs: number,
  ) {
    super(`operation ${JSON.stringify(operation.id)}: still ${operation.state ?? "pending"} after ${formatDuration(waitedMs)}, gave up waiting`);
    this.name = "OperationTimeoutError";
  }
}

/** Go-style duration text: 1m30s, 45s, 500ms. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ""}${h || m ? `${m}m` : ""}${s}s`;
}
