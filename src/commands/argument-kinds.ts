// What a positional argument (or a flag's value) names. The kind decides how the word is checked
// before the command runs (the URL path-segment rule it must meet, src/cli/positionals.ts) and
// what shell completion lists for it (src/completion/candidates.ts).
import type { SegmentKind } from "../api/path-segment.js";

/** The names completion lists for a kind, from the API or the service's brokers. */
export type Listing = "services" | "service-types" | "plans" | "users" | "endpoint-types" | "endpoints" | "integrations" | "topics" | "groups";

export interface KindRule {
  /** the API's limit the word is checked against, and its name in a refusal (else the argument's name) */
  readonly segment?: SegmentKind;
  /** what completion lists; a listing scoped by another argument (users of a service) reads that argument by its kind */
  readonly lists?: Listing;
  /** fixed values completion offers instead */
  readonly values?: readonly string[];
}

export const ARGUMENT_KINDS = {
  /** a Database Service of the zone */
  service: { segment: "service name", lists: "services" },
  /** the name of a service to create */
  "new service": { segment: "service name" },
  /** a service type, as `type show` names it */
  "service type": { segment: "service type", lists: "service-types" },
  /** the type of a service to create (the command refuses any but kafka itself) */
  "type to create": { lists: "service-types" },
  /** a plan of the `type to create` argument's type */
  plan: { lists: "plans" },
  /** a user of the `service` argument's service */
  user: { segment: "username", lists: "users" },
  /** the name of a user to create */
  "new user": { segment: "username" },
  "ACL id": { segment: "ACL id" },
  /** an external endpoint type (prometheus, datadog, ...) */
  "endpoint type": { lists: "endpoint-types" },
  /** the name of an external endpoint to create */
  "endpoint name": { segment: "endpoint" },
  /** an external endpoint of the `endpoint type` argument's type */
  "endpoint id": { lists: "endpoints" },
  /** the type of external integration settings */
  "integration settings type": { values: ["datadog"] },
  /** an external integration, of the `service` or `integration settings type` argument when the line has one */
  "integration id": { lists: "integrations" },
  /** a topic on the `service` argument's brokers */
  topic: { lists: "topics" },
  /** the name of a topic to create */
  "new topic": {},
  /** a consumer group on the `service` argument's brokers */
  group: { lists: "groups" },
  /** a shell's name, which the command checks itself */
  shell: {},
} as const satisfies Record<string, KindRule>;

export type ArgumentKind = keyof typeof ARGUMENT_KINDS;

/** Arguments in order, each with its kind: `{ name: "service", username: "user" }`. */
export type ArgumentsShape = Readonly<Record<string, ArgumentKind>>;

export interface DeclaredArgument {
  name: string;
  kind: ArgumentKind;
  optional: boolean;
}

/** A command's positional arguments in order: the required ones, then the optional ones. */
export function declaredArguments(def: { args?: ArgumentsShape; optionalArgs?: ArgumentsShape }): DeclaredArgument[] {
  const list = (shape: ArgumentsShape | undefined, optional: boolean) => Object.entries(shape ?? {}).map(([name, kind]) => ({ name, kind, optional }));
  return [...list(def.args, false), ...list(def.optionalArgs, true)];
}

/** The arguments as the usage line shows them: required ones upper-cased, optional ones in brackets. */
export const usageWords = (def: { args?: ArgumentsShape; optionalArgs?: ArgumentsShape }): string[] =>
  declaredArguments(def).map(({ name, optional }) => (optional ? `[${name.toUpperCase()}]` : name.toUpperCase()));
