// What a positional argument's or a flag value's completion lists (decided in candidates.ts, listed
// from the API in api-candidates.ts).
export type ArgumentSource =
  | { kind: "services" }
  | { kind: "service-types" }
  | { kind: "plans"; type: string }
  | { kind: "users"; service: string }
  | { kind: "endpoint-types" }
  | { kind: "endpoints"; type?: string }
  | { kind: "integrations"; service?: string; type?: string }
  | { kind: "topics"; service: string }
  | { kind: "groups"; service: string }
  | { kind: "values"; values: readonly string[] }
  /** names on this machine, listed by the shell itself */
  | { kind: "files"; directories: boolean }
  | { kind: "none" };
