// The retry budget of a command: every wait between attempts, of all its requests, fits in it.
// (Its own module so the context can read it without loading the API client.)
export const DEFAULT_RETRY_BUDGET_MS = 60_000;
