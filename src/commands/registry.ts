// The command tree. Leaves are loaded only when they run (dynamic import), so start-up cost does
// not grow with the number of commands. To add a command: write src/commands/<group>/<verb>.ts
// exporting `default defineCommand({...})`, then add one leaf entry below.
import type { CommandDefinition } from "./define.js";

export interface LeafEntry {
  name: string;
  aliases?: readonly string[];
  /** one line for listings (exo's Short) */
  summary: string;
  load: () => Promise<{ default: CommandDefinition<any, any> }>;
}

export interface GroupEntry {
  name: string;
  aliases?: readonly string[];
  summary: string;
  children: readonly CommandEntry[];
}

export type CommandEntry = LeafEntry | GroupEntry;

export const isGroup = (entry: CommandEntry): entry is GroupEntry => "children" in entry;

export const COMMAND_TREE: GroupEntry = {
  name: "exo",
  summary: "Manage your Exoscale infrastructure easily",
  children: [
    {
      name: "dbaas",
      summary: "Database as a Service management",
      children: [
        {
          name: "ca-certificate",
          summary: "Retrieve the Database CA certificate",
          load: () => import("./dbaas/ca-certificate.js"),
        },
        { name: "list", aliases: ["ls"], summary: "List Database Services", load: () => import("./dbaas/list.js") },
        { name: "show", aliases: ["get"], summary: "Show a Database Service details", load: () => import("./dbaas/show.js") },
        {
          name: "type",
          summary: "Database Service types management",
          children: [
            { name: "list", summary: "List Database Service types", load: () => import("./dbaas/type/list.js") },
            { name: "show", aliases: ["get"], summary: "Show a Database Service type details", load: () => import("./dbaas/type/show.js") },
          ],
        },
      ],
    },
    { name: "version", summary: "Print the version of exo", load: () => import("./version.js") },
  ],
};

export function findChild(group: GroupEntry, word: string): CommandEntry | undefined {
  return group.children.find((c) => c.name === word || c.aliases?.includes(word));
}
