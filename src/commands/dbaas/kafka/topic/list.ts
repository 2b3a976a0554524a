// exo dbaas kafka topic list NAME: the service's topics with their partition count and replication factor.
import { annotations } from "../../../../kafka/views/spec.js";
import { topicListItemView, topicListOutput } from "../../../../kafka/views/kafka-topic.js";
import { listTopics } from "../../../../kafka/protocol/topics.js";
import { defineCommand } from "../../../define.js";
import { connectionFlags, withKafka } from "../shared/connect.js";
import { CONNECTION_HELP } from "../shared/help.js";

export default defineCommand({
  description: `This command lists the topics of a Kafka service with their partition count and
replication factor (internal topics such as __consumer_offsets left out).

${CONNECTION_HELP}

Supported output template annotations: ${annotations(topicListItemView)}`,
  args: { name: "service" },
  options: connectionFlags(),
  helpFooter: `
Examples:
  exo dbaas kafka topic list test-kafka -z de-muc-1
  exo dbaas kafka topic list test-kafka -z de-muc-1 --auth sasl --user app
`,
  templated: true,
  async run(ctx, args, opts) {
    return topicListOutput(await withKafka(ctx, args.name, opts, listTopics));
  },
});
