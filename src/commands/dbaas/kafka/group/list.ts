// exo dbaas kafka group list NAME: the consumer groups of a Kafka service with their state.
import { listGroups } from "../../../../kafka/protocol/groups.js";
import { groupListItemView, groupListOutput } from "../../../../kafka/views/kafka-group.js";
import { annotations } from "../../../../kafka/views/spec.js";
import { defineCommand } from "../../../define.js";
import { connectionFlags, withKafka } from "../shared/connect.js";
import { CONNECTION_HELP } from "../shared/help.js";

export default defineCommand({
  description: `This command lists the consumer groups of a Kafka service with their state
(Stable, Empty, PreparingRebalance, ...).

${CONNECTION_HELP}

Supported output template annotations: ${annotations(groupListItemView)}`,
  args: { name: "service" },
  options: connectionFlags(),
  helpFooter: `
Examples:
  exo dbaas kafka group list test-kafka -z de-muc-1
`,
  templated: true,
  async run(ctx, args, opts) {
    return groupListOutput(await withKafka(ctx, args.name, opts, listGroups));
  },
});
