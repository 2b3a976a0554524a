// The retry budget of a command: all the waits between attempts, of all its requests, add up to
// at most this much.
// (Its own module so the context can read it without loading the API client.)
export const DEFAULT_RETRY_BUDGET_MS = 60_000;
