// exo dbaas kafka group show NAME GROUP: state, members, and per partition the committed offset, the
// log-end offset and the lag, with the total.
import { describeGroup } from "../../../../kafka/protocol/groups.js";
import { groupShowOutput, groupShowView } from "../../../../kafka/views/kafka-group.js";
import { annotationSections } from "../../../../kafka/views/spec.js";
import { defineCommand } from "../../../define.js";
import { connectionFlags, withKafka } from "../shared/connect.js";
import { validateGroupId } from "../shared/group-id.js";
import { CONNECTION_HELP } from "../shared/help.js";

export default defineCommand({
  description: `This command shows a consumer group: its state, its members with their
assigned partitions, and for each partition it has an offset committed in (or
is assigned) the committed offset, the log-end offset and the lag (log-end
minus committed, as kafka-consumer-groups --describe shows it; -1 in JSON and
"-" in tables without a committed offset), then the total lag.

${CONNECTION_HELP}

Supported output template annotations:
${annotationSections([{ title: "Group", view: groupShowView }])}`,
  args: { name: "service", group: "group" },
  options: connectionFlags(),
  helpFooter: `
Examples:
  exo dbaas kafka group show test-kafka demo-group -z de-muc-1
  exo dbaas kafka group show test-kafka demo-group -z de-muc-1 \\
    --output-template '{{.TotalLag}}'
`,
  templated: true,
  async run(ctx, args, opts) {
    const group = validateGroupId(args.group);
    return groupShowOutput(await withKafka(ctx, args.name, opts, (session) => describeGroup(session, group)));
  },
});
