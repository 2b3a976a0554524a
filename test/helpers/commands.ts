// The registry's leaves with their declarations, for the tables that cover every command.
import type { CommandDefinition } from "../../src/commands/define.js";
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
