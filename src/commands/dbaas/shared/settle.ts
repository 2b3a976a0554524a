// Concurrent requests whose errors keep a fixed precedence.

/**
 * Waits for every one (none is left running unobserved), then throws the first failure in the order
 * given, so the error a user sees does not depend on which answer arrived first.
 */
export async function allInOrder<T extends readonly unknown[]>(work: { [K in keyof T]: T[K] | Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(work);
  for (const result of results) if (result.status === "rejected") throw result.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
