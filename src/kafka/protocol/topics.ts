// Topics through the admin client: names with their partitions, one topic's partitions and the configs
// set on it, creation (returning once the topic's metadata shows a leader for every partition) and deletion.
import type { ClusterTopicMetadata } from "@platformatic/kafka";
import { CliError } from "../../errors.js";
import { goQuote } from "../../go/quote.js";
import type { TopicConfig, TopicDetails, TopicPartition, TopicSummary } from "../views/kafka-topic.js";
import type { KafkaTarget } from "./errors.js";
import type { KafkaSession } from "./session.js";

const TOPIC_RESOURCE = 2;
/** DescribeConfigs' source of a value set on the topic itself */
const TOPIC_CONFIG_SOURCE = 1;
const VISIBLE_TIMEOUT_MS = 30_000;

const partitionsOf = (meta: ClusterTopicMetadata): TopicPartition[] =>
  meta.partitions.map((p, partition) => ({ partition, leader: p.leader, replicas: p.replicas, isr: p.isr }));

const summary = (name: string, meta: ClusterTopicMetadata): TopicSummary => ({
  name,
  id: meta.id,
  partitions: partitionsOf(meta),
});

async function topicMetadata(session: KafkaSession, topics: string[], topic?: string): Promise<Map<string, ClusterTopicMetadata>> {
  if (topics.length === 0) return new Map();
  const meta = await session.request({ topic }, () => session.admin.metadata({ topics, forceUpdate: true, autocreateTopics: false }));
  return meta.topics;
}

export async function listTopics(session: KafkaSession): Promise<TopicSummary[]> {
  const names = await session.request({}, () => session.admin.listTopics({ includeInternals: false }));
  const meta = await topicMetadata(session, names);
  return [...meta].filter(([, m]) => m).map(([name, m]) => summary(name, m)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The topic's metadata, or a not-found error naming it. Asked of the topic itself, not looked up in the
 * list: a broker leaves out of the list the topics a user may not describe, and answers not authorized here.
 */
export async function requireTopic(session: KafkaSession, topic: string, permission: KafkaTarget["permission"] = "read"): Promise<ClusterTopicMetadata> {
  const notFound = () => new CliError(`topic ${goQuote(topic)} not found on service ${goQuote(session.connection.service)}`);
  let meta: ClusterTopicMetadata | undefined;
  try {
    meta = (await session.metadata({ topics: [topic], forceUpdate: true, autocreateTopics: false })).topics.get(topic);
  } catch (error) {
    // the library's own error for a topic the broker does not know
    if (error instanceof Error && /^Unknown topic /.test(error.message)) throw notFound();
    throw session.fail(error, { topic, permission });
  }
  if (!meta) throw notFound();
  return meta;
}

export async function topicConfigs(session: KafkaSession, topic: string): Promise<TopicConfig[]> {
  const [described] = await session.request({ topic }, () =>
    session.admin.describeConfigs({ resources: [{ resourceType: TOPIC_RESOURCE, resourceName: topic }] }),
  );
  return (described?.configs ?? [])
    .filter((c) => c.configSource === TOPIC_CONFIG_SOURCE)
    .map((c) => ({ name: c.name, value: c.isSensitive ? "" : (c.value ?? ""), source: "topic" }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export async function describeTopic(session: KafkaSession, topic: string): Promise<TopicDetails> {
  const meta = await requireTopic(session, topic);
  return { ...summary(topic, meta), configs: await topicConfigs(session, topic) };
}

export interface TopicSpec {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  configs: ReadonlyArray<{ name: string; value: string }>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Creates the topic, then waits until its metadata shows every partition with a leader. */
export async function createTopic(session: KafkaSession, spec: TopicSpec): Promise<TopicDetails> {
  session.changing();
  await session.request({ topic: spec.name, permission: "admin" }, () =>
    session.admin.createTopics({
      topics: [spec.name],
      partitions: spec.partitions,
      replicas: spec.replicationFactor,
      configs: spec.configs.map((c) => ({ name: c.name, value: c.value })),
    }),
  );
  const until = Date.now() + VISIBLE_TIMEOUT_MS;
  for (;;) {
    const meta = (await topicMetadata(session, [spec.name], spec.name).catch(() => new Map<string, ClusterTopicMetadata>())).get(spec.name);
    if (meta && meta.partitions.length > 0 && meta.partitions.every((p) => p.leader >= 0)) {
      return { ...summary(spec.name, meta), configs: await topicConfigs(session, spec.name) };
    }
    if (Date.now() > until) throw new CliError(`topic ${goQuote(spec.name)} was created but its metadata did not show a leader for every partition within ${VISIBLE_TIMEOUT_MS / 1000}s`);
    await sleep(200);
  }
}

export async function deleteTopic(session: KafkaSession, topic: string): Promise<void> {
  await requireTopic(session, topic);
  session.changing();
  await session.request({ topic, permission: "admin" }, () => session.admin.deleteTopics({ topics: [topic] }));
}
