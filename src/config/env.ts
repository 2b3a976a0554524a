// Environment variables exo honours, in its priority order.

export type Env = Readonly<Record<string, string | undefined>>;

export const ENV = {
  apiKey: ["EXOSCALE_API_KEY", "EXOSCALE_KEY", "CLOUDSTACK_KEY", "CLOUDSTACK_API_KEY"],
  apiSecret: ["EXOSCALE_API_SECRET", "EXOSCALE_SECRET", "EXOSCALE_SECRET_KEY", "CLOUDSTACK_SECRET", "CLOUDSTACK_SECRET_KEY"],
  endpoint: ["EXOSCALE_API_ENDPOINT"],
  environment: ["EXOSCALE_API_ENVIRONMENT"],
  zone: ["EXOSCALE_ZONE"],
  trace: ["EXOSCALE_TRACE"],
  config: ["EXOSCALE_CONFIG"],
  account: ["EXOSCALE_ACCOUNT"],
  timeout: ["EXOSCALE_TIMEOUT"],
} as const;

/**
 * The first variable of the list that is set. Like Go's os.LookupEnv, a variable set to the empty
 * string still wins (and yields "").
 */
export function lookupEnv(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) return value;
  }
  return undefined;
}
