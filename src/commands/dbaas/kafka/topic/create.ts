// exo dbaas kafka topic create NAME TOPIC: partitions and replication factor (the broker's defaults when
// not given) and --topic-config KEY=VALUE (--config is exo's configuration file); returns once the topic's metadata shows a leader for each partition.
import { goQuote } from "../../../../go/quote.js";
import { annotationSections } from "../../../../kafka/views/spec.js";
import { topicShowOutput, topicShowView } from "../../../../kafka/views/kafka-topic.js";
import { createTopic } from "../../../../kafka/protocol/topics.js";
import { InputError, validateTopic } from "../../../../kafka/validation/index.js";
import { defineCommand, flag } from "../../../define.js";
import { connectionFlags, withKafka } from "../shared/connect.js";
import { CONNECTION_HELP } from "../shared/help.js";
import { keyValuePairs } from "../shared/pairs.js";

const CONFIG_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
const MAX_PARTITIONS = 100_000;
const MAX_REPLICATION_FACTOR = 32_767;

/** `--topic-config KEY=VALUE`, each key once; the broker checks the names and values. */
export function parseTopicConfigs(pieces: readonly string[]): Array<{ name: string; value: string }> {
  const pairs = keyValuePairs("topic-config", pieces, (key) => CONFIG_NAME.test(key), " with a Kafka topic config name such as retention.ms");
  const seen = new Set<string>();
  for (const { name } of pairs) {
    if (seen.has(name)) throw new InputError(`invalid --topic-config: ${goQuote(name)} is given twice`);
    seen.add(name);
  }
  return pairs;
}

function optionalCount(value: number | undefined, flagName: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (value < 1 || value > max) throw new InputError(`invalid ${flagName} ${value}: must be 1 to ${max}`);
  return value;
}

export default defineCommand({
  description: `This command creates a topic on a Kafka service and returns once its metadata
shows a leader for every partition, as kafka-topics --create does. Without
--partitions or --replication-factor the broker's defaults apply. Each
--topic-config KEY=VALUE is a topic config (retention.ms, cleanup.policy, ...): the
broker refuses unknown names and invalid values, and then nothing is created.
The new topic is printed as "exo dbaas kafka topic show" prints it.

${CONNECTION_HELP}

Supported output template annotations:
${annotationSections([{ title: "Topic", view: topicShowView }])}`,
  args: { name: "service", topic: "new topic" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "kafka", "topic", "show", args.name, args.topic, "-z", zone],
  options: {
    partitions: flag.int("partitions", { description: "number of partitions (default: the broker's num.partitions)" }),
    replicationFactor: flag.int("replication-factor", { description: "replicas of each partition (default: the broker's default.replication.factor)" }),
    config: flag.list("topic-config", { description: "topic config KEY=VALUE (repeatable)" }),
    ...connectionFlags(),
  },
  helpFooter: `
Examples:
  exo dbaas kafka topic create test-kafka demo-topic -z de-muc-1
  exo dbaas kafka topic create test-kafka orders -z de-muc-1 --partitions 6 \\
    --replication-factor 3 --topic-config retention.ms=86400000 \\
    --topic-config cleanup.policy=compact
`,
  templated: true,
  async run(ctx, args, opts) {
    const spec = {
      name: validateTopic(args.topic),
      partitions: optionalCount(opts.partitions, "--partitions", MAX_PARTITIONS),
      replicationFactor: optionalCount(opts.replicationFactor, "--replication-factor", MAX_REPLICATION_FACTOR),
      configs: parseTopicConfigs(opts.config),
    };
    return topicShowOutput(await withKafka(ctx, args.name, opts, (session) => createTopic(session, spec)));
  },
});
