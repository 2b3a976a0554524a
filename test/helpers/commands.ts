// The registry's leaves with their declarations, for the tables that cover every command.
import type { CommandDefinition } from "../../src/commands/define.js";
import { type ArgumentKind } from "../../src/commands/argument-kinds.js";
import { COMMAND_TREE, isGroup, type CommandEntry, type GroupEntry, type LeafEntry } from "../../src/commands/registry.js";

export interface RegisteredLeaf {
  /** the words after `exo` */
  path: string[];
  entry: LeafEntry;
  definition: CommandDefinition;
}

/** Every command a user runs (help topics and hidden commands left out), in the tree's order. */
export async function registeredLeaves(tree: GroupEntry = COMMAND_TREE): Promise<RegisteredLeaf[]> {
  const found: Array<{ path: string[]; entry: LeafEntry }> = [];
  const walk = (entry: CommandEntry, path: string[]) => {
    if (isGroup(entry)) for (const child of entry.children) walk(child, [...path, child.name]);
    else if (!entry.topic && !entry.name.startsWith("__")) found.push({ path, entry });
  };
  walk(tree, []);
  return Promise.all(found.map(async ({ path, entry }) => ({ path, entry, definition: (await entry.load()).default })));
}

/** Whether the command declares -z/--zone. */
export const takesZone = (definition: CommandDefinition) => Object.values(definition.options ?? {}).some((o) => o.long === "zone");

export const SAMPLE_UUID = "3bd2a2a4-5f04-4a2b-8a56-8e2f8a5c1b27";

/**
 * A valid-looking word for each argument kind, and the name a refusal of an unfit word gives it
 * (written out here on purpose; absent: the argument's own name). A new kind fails to compile here
 * until it has its sample, and then every command declaring it is in the generated tables.
 */
export const ARGUMENT_SAMPLES: Record<ArgumentKind, { word: string; refusedAs?: string }> = {
  service: { word: "test-kafka", refusedAs: "service name" },
  "new service": { word: "k9", refusedAs: "service name" },
  "service type": { word: "kafka", refusedAs: "service type" },
  "type to create": { word: "kafka" },
  plan: { word: "startup-2" },
  user: { word: "u1", refusedAs: "username" },
  "new user": { word: "u2", refusedAs: "username" },
  "ACL id": { word: "acl-1", refusedAs: "ACL id" },
  "endpoint type": { word: "prometheus" },
  "endpoint name": { word: "m1", refusedAs: "endpoint" },
  "endpoint id": { word: SAMPLE_UUID },
  "integration settings type": { word: "datadog" },
  "integration id": { word: SAMPLE_UUID },
  topic: { word: "demo-topic" },
  "new topic": { word: "demo-topic-2" },
  group: { word: "demo-group" },
  shell: { word: "bash" },
};
