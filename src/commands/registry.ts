// The command tree. Leaves are loaded only when they run (dynamic import), so start-up cost does
// not grow with the number of commands. To add a command: write src/commands/<group>/<verb>.ts
// exporting `default defineCommand({...})`, then add one leaf entry below.
import type { CommandDefinition } from "./define.js";

export interface LeafEntry {
  name: string;
  aliases?: readonly string[];
  /** one line for listings (exo's Short) */
  summary: string;
  /** a help topic (`exo output`): running it prints its help; listed apart, never suggested */
  topic?: boolean;
  load: () => Promise<{ default: CommandDefinition<any, any, any> }>;
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
        { name: "create", aliases: ["add"], summary: "Create a Database Service", load: () => import("./dbaas/create.js") },
        { name: "delete", aliases: ["rm"], summary: "Delete a Database Service", load: () => import("./dbaas/delete.js") },
        { name: "update", summary: "Update Database Service", load: () => import("./dbaas/update.js") },
        { name: "list", aliases: ["ls"], summary: "List Database Services", load: () => import("./dbaas/list.js") },
        // exo declares the alias `get` on logs, metrics and show alike, and cobra resolves it to the first
        // registered, logs (exo's files register in name order): `exo dbaas get NAME` prints logs there and here
        { name: "logs", aliases: ["get"], summary: "Query a Database Service logs", load: () => import("./dbaas/logs.js") },
        { name: "metrics", summary: "Query a Database Service metrics over time", load: () => import("./dbaas/metrics.js") },
        { name: "show", summary: "Show a Database Service details", load: () => import("./dbaas/show.js") },
        {
          name: "type",
          summary: "Database Service types management",
          children: [
            { name: "list", summary: "List Database Service types", load: () => import("./dbaas/type/list.js") },
            { name: "show", aliases: ["get"], summary: "Show a Database Service type details", load: () => import("./dbaas/type/show.js") },
          ],
        },
        {
          name: "user",
          summary: "Manage DBaaS users",
          children: [
            { name: "list", summary: "List users of a DBAAS service", load: () => import("./dbaas/user/list.js") },
            { name: "show", summary: "Show the details of a user", load: () => import("./dbaas/user/show.js") },
            { name: "create", summary: "Create DBAAS user", load: () => import("./dbaas/user/create.js") },
            { name: "delete", summary: "Delete DBAAS user", load: () => import("./dbaas/user/delete.js") },
            { name: "reset-credentials", summary: "Reset the credentials of a DBAAS user", load: () => import("./dbaas/user/reset-credentials.js") },
            { name: "reveal-secrets", summary: "Show the secrets of a user", load: () => import("./dbaas/user/reveal-secrets.js") },
            { name: "rotate", summary: "Replace a user by a new one, credentials files first", load: () => import("./dbaas/user/rotate.js") },
          ],
        },
        {
          name: "acl",
          summary: "Manage Kafka topic and Schema Registry ACLs",
          children: [
            { name: "list", summary: "List the ACLs of a Kafka service", load: () => import("./dbaas/acl/list.js") },
            { name: "create", summary: "Create a topic or Schema Registry ACL", load: () => import("./dbaas/acl/create.js") },
            { name: "delete", summary: "Delete an ACL by id", load: () => import("./dbaas/acl/delete.js") },
          ],
        },
        {
          name: "external-endpoint",
          summary: "Manage DBaaS external endpoints",
          children: [
            { name: "create", aliases: ["add"], summary: "Create a new external endpoint for DBaaS", load: () => import("./dbaas/external-endpoint/create.js") },
            { name: "delete", aliases: ["rm"], summary: "Delete a DBaaS external endpoint", load: () => import("./dbaas/external-endpoint/delete.js") },
            { name: "list", aliases: ["ls"], summary: "List External Endpoints", load: () => import("./dbaas/external-endpoint/list.js") },
            { name: "show", aliases: ["get"], summary: "Show a Database External endpoint details", load: () => import("./dbaas/external-endpoint/show.js") },
            { name: "update", summary: "Update an existing external endpoint for DBaaS", load: () => import("./dbaas/external-endpoint/update.js") },
          ],
        },
        {
          name: "external-integration",
          summary: "Manage DBaaS external integrations",
          children: [
            // exo gives `a` to attach and detach alike; cobra resolves it to attach, registered first
            { name: "attach", aliases: ["a"], summary: "Attach a DBaaS service to an external endpoint", load: () => import("./dbaas/external-integration/attach.js") },
            { name: "detach", summary: "Detach a DBaaS service from an external endpoint", load: () => import("./dbaas/external-integration/detach.js") },
            { name: "list", aliases: ["ls"], summary: "List External Integrations", load: () => import("./dbaas/external-integration/list.js") },
            {
              name: "settings",
              summary: "External integration settings management",
              children: [
                { name: "show", aliases: ["get"], summary: "Show External Integration Settings", load: () => import("./dbaas/external-integration/settings/show.js") },
                { name: "update", summary: "Update external integration settings", load: () => import("./dbaas/external-integration/settings/update.js") },
              ],
            },
            { name: "show", aliases: ["get"], summary: "Show External Integration", load: () => import("./dbaas/external-integration/show.js") },
          ],
        },
        {
          name: "credentials",
          summary: "Download and check Kafka client credentials",
          children: [
            { name: "download", summary: "Write a user's CA, certificate and key files (mode 0600)", load: () => import("./dbaas/credentials/download.js") },
            { name: "check", summary: "Print a user's certificate expiry; exit 4 when it is near", load: () => import("./dbaas/credentials/check.js") },
          ],
        },
        {
          name: "kafka",
          summary: "Topics, consumer groups and records, over the Kafka protocol",
          children: [
            {
              name: "topic",
              summary: "Manage the topics of a Kafka service",
              children: [
                { name: "list", summary: "List the topics of a Kafka service", load: () => import("./dbaas/kafka/topic/list.js") },
                { name: "show", summary: "Show a topic's partitions and configs", load: () => import("./dbaas/kafka/topic/show.js") },
                { name: "create", summary: "Create a topic", load: () => import("./dbaas/kafka/topic/create.js") },
                { name: "delete", summary: "Delete a topic", load: () => import("./dbaas/kafka/topic/delete.js") },
              ],
            },
            {
              name: "group",
              summary: "Inspect consumer groups and reset their offsets",
              children: [
                { name: "list", summary: "List the consumer groups of a Kafka service", load: () => import("./dbaas/kafka/group/list.js") },
                { name: "show", summary: "Show a consumer group's members, offsets and lag", load: () => import("./dbaas/kafka/group/show.js") },
                { name: "reset-offsets", summary: "Plan or apply new committed offsets for a group", load: () => import("./dbaas/kafka/group/reset-offsets.js") },
              ],
            },
            { name: "produce", summary: "Write records to a topic, one per stdin line", load: () => import("./dbaas/kafka/produce.js") },
            { name: "consume", summary: "Read records from a topic", load: () => import("./dbaas/kafka/consume.js") },
          ],
        },
      ],
    },
    { name: "completion", summary: "Generate the autocompletion script for the specified shell", load: () => import("./completion.js") },
    { name: "version", summary: "Print the version of exo", load: () => import("./version.js") },
    { name: "environment", summary: "Environment variables that can be used with exo", topic: true, load: () => import("./environment.js") },
    { name: "exit-codes", summary: "Exit codes used by exo", topic: true, load: () => import("./exit-codes.js") },
    { name: "output", summary: "Output formatting usage", topic: true, load: () => import("./output.js") },
  ],
};

export function findChild(group: GroupEntry, word: string): CommandEntry | undefined {
  return group.children.find((c) => c.name === word || c.aliases?.includes(word));
}
