// exo dbaas kafka topic show NAME TOPIC: partitions (leader, replicas, ISR) and the configs set on the topic.
import { annotationSections } from "../../../../kafka/views/spec.js";
import { topicShowOutput, topicShowView } from "../../../../kafka/views/kafka-topic.js";
import { describeTopic } from "../../../../kafka/protocol/topics.js";
import { validateTopic } from "../../../../kafka/validation/index.js";
import { defineCommand } from "../../../define.js";
import { connectionFlags, withKafka } from "../shared/connect.js";
import { CONNECTION_HELP } from "../shared/help.js";

export default defineCommand({
  description: `This command shows a topic of a Kafka service: its id, partition count and
replication factor, each partition's leader, replicas and in-sync replicas (ISR),
and the configs set on the topic (those that differ from the broker's defaults).

${CONNECTION_HELP}

Supported output template annotations:
${annotationSections([{ title: "Topic", view: topicShowView }])}`,
  args: { name: "service", topic: "topic" },
  options: connectionFlags(),
  helpFooter: `
Examples:
  exo dbaas kafka topic show test-kafka demo-topic -z de-muc-1
  exo dbaas kafka topic show test-kafka demo-topic -z de-muc-1 -O json
`,
  templated: true,
  async run(ctx, args, opts) {
    const topic = validateTopic(args.topic);
    return topicShowOutput(await withKafka(ctx, args.name, opts, (session) => describeTopic(session, topic)));
  },
});
