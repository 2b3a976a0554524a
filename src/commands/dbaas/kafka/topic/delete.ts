// exo dbaas kafka topic delete NAME TOPIC: asks first unless -f.
import { goQuote } from "../../../../go/quote.js";
import { deleteTopic } from "../../../../kafka/protocol/topics.js";
import { validateTopic } from "../../../../kafka/validation/index.js";
import { defineCommand } from "../../../define.js";
import { forceFlag } from "../../shared/async-operation.js";
import { connectionFlags, resolveConnection } from "../shared/connect.js";
import { CONNECTION_HELP } from "../shared/help.js";
import { KafkaSession } from "../../../../kafka/protocol/session.js";

export default defineCommand({
  description: `This command deletes a topic of a Kafka service and its records. It asks for
confirmation unless -f is given (without a terminal, -f is required).

${CONNECTION_HELP}`,
  args: { name: "service", topic: "topic" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "kafka", "topic", "list", args.name, "-z", zone],
  confirms: { verb: "delete topic", subject: (args) => args.topic },
  options: { force: forceFlag(), ...connectionFlags() },
  helpFooter: `
Examples:
  exo dbaas kafka topic delete test-kafka demo-topic -z de-muc-1 -f
`,
  async run(ctx, args, opts) {
    const topic = validateTopic(args.topic);
    // before the connection flags are read
    ctx.requireConfirmable();
    const connection = await resolveConnection(ctx, args.name, opts);
    await ctx.confirmChange(`[+] Are you sure you want to delete topic ${goQuote(topic)} of service ${goQuote(args.name)} and all its records?`);
    await KafkaSession.with(connection, (session) => deleteTopic(session, topic));
    return undefined;
  },
});
