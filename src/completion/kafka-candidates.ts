// Topic and consumer group names for completion: they live on the service's brokers, not in the API.
// Completion connects as `dbaas kafka` does with its defaults (the avnadmin user's certificate, fetched
// through the API and held in memory), within the completion's own budget: a broker that does not
// answer in time gives no candidate, never a hanging shell. Names the commands would refuse as
// arguments are dropped; the completion layer then filters and escapes the rest like any API name.
import type { CommandContext } from "../context.js";

/** Connect timeout of a completion's broker connection: what is left of the budget after the API calls. */
const BROKER_TIMEOUT = "2s";

async function onBrokers<T>(ctx: CommandContext, service: string, zone: string | undefined, work: (session: import("../kafka/protocol/session.js").KafkaSession) => Promise<T>): Promise<T> {
  const { withKafka } = await import("../commands/dbaas/kafka/shared/connect.js");
  const { DEFAULT_USER } = await import("../commands/dbaas/shared/user-credentials.js");
  return withKafka(ctx, service, { user: DEFAULT_USER, auth: "certificate", dir: undefined, connectTimeout: BROKER_TIMEOUT, zone }, work);
}

const accepted = (names: string[], validate: (name: string) => string) =>
  names.filter((name) => {
    try {
      return validate(name) === name;
    } catch {
      return false;
    }
  });

export async function kafkaTopics(ctx: CommandContext, service: string, zone: string | undefined): Promise<string[]> {
  const [{ listTopics }, { validateTopic }] = await Promise.all([import("../kafka/protocol/topics.js"), import("../kafka/validation/index.js")]);
  return accepted((await onBrokers(ctx, service, zone, listTopics)).map((t) => t.name), validateTopic);
}

export async function kafkaGroups(ctx: CommandContext, service: string, zone: string | undefined): Promise<string[]> {
  const [{ listGroups }, { validateGroupId }] = await Promise.all([import("../kafka/protocol/groups.js"), import("../commands/dbaas/kafka/shared/group-id.js")]);
  return accepted((await onBrokers(ctx, service, zone, listGroups)).map((g) => g.id), validateGroupId);
}
