// exo dbaas kafka group reset-offsets NAME GROUP --topic T (--to-earliest|--to-latest|--to-datetime T|
// --shift-by N): prints the plan; --execute commits it. Refused while the group has members.
import { goQuote } from "../../../../go/quote.js";
import { applyReset, planReset, type ResetTarget } from "../../../../kafka/protocol/groups.js";
import { offsetPlanOutput, offsetPlanView } from "../../../../kafka/views/kafka-group.js";
import { annotations } from "../../../../kafka/views/spec.js";
import { InputError, validateTopic } from "../../../../kafka/validation/index.js";
import { defineCommand, flag } from "../../../define.js";
import { connectionFlags, withKafka } from "../shared/connect.js";
import { validateGroupId } from "../shared/group-id.js";
import { CONNECTION_HELP } from "../shared/help.js";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function resetTarget(opts: { toEarliest: boolean; toLatest: boolean; toDatetime?: string; shiftBy?: string }): ResetTarget {
  const given = [opts.toEarliest && "--to-earliest", opts.toLatest && "--to-latest", opts.toDatetime !== undefined && "--to-datetime", opts.shiftBy !== undefined && "--shift-by"].filter(Boolean);
  if (given.length !== 1) throw new InputError(`give exactly one of --to-earliest, --to-latest, --to-datetime, --shift-by${given.length > 1 ? ` (got ${given.join(", ")})` : ""}`);
  if (opts.toEarliest) return { kind: "earliest" };
  if (opts.toLatest) return { kind: "latest" };
  if (opts.toDatetime !== undefined) {
    const ms = Date.parse(opts.toDatetime);
    if (!RFC3339.test(opts.toDatetime) || Number.isNaN(ms)) throw new InputError(`invalid --to-datetime ${goQuote(opts.toDatetime)}: expected RFC 3339, such as 2026-01-02T15:04:05Z`);
    return { kind: "datetime", ms: BigInt(ms) };
  }
  if (!/^[+-]?(0|[1-9][0-9]{0,17})$/.test(opts.shiftBy!)) throw new InputError(`invalid --shift-by ${goQuote(opts.shiftBy!)}: expected a whole number of records, such as -10 or 5`);
  return { kind: "shift", by: BigInt(opts.shiftBy!) };
}

export default defineCommand({
  description: `This command computes new committed offsets of a consumer group for each
partition of --topic and prints them beside the current ones (a dry run). With
--execute it commits them. A target past either end of a partition stops at
it; --to-datetime takes the first offset at or after the time (the log end when
none). It is refused while the group has active members: stop them first.

${CONNECTION_HELP}

Supported output template annotations: ${annotations(offsetPlanView)}`,
  args: { name: "service", group: "group" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "kafka", "group", "show", args.name, args.group, "-z", zone],
  options: {
    topic: flag.string("topic", { names: "topic", description: "topic whose partitions to reset (required)" }),
    toEarliest: flag.bool("to-earliest", { description: "reset to the earliest offset" }),
    toLatest: flag.bool("to-latest", { description: "reset to the log end" }),
    toDatetime: flag.string("to-datetime", { description: "reset to the first offset at or after this RFC 3339 time" }),
    shiftBy: flag.string("shift-by", { description: "move the committed offset by N (negative: back)" }),
    execute: flag.bool("execute", { description: "commit the new offsets (default: print the plan only)" }),
    ...connectionFlags(),
  },
  helpFooter: `
Examples:
  exo dbaas kafka group reset-offsets test-kafka demo-group -z de-muc-1 \\
    --topic demo-topic --to-earliest
  exo dbaas kafka group reset-offsets test-kafka demo-group -z de-muc-1 \\
    --topic demo-topic --shift-by=-10 --execute
`,
  templated: true,
  async run(ctx, args, opts) {
    const group = validateGroupId(args.group);
    if (opts.topic === undefined) throw new InputError("--topic is required");
    const topic = validateTopic(opts.topic);
    const target = resetTarget(opts);
    const entries = await withKafka(ctx, args.name, opts, async (session) => {
      const plan = await planReset(session, group, topic, target);
      if (opts.execute) await applyReset(session, group, topic, plan);
      return plan;
    });
    return offsetPlanOutput({ group, executed: opts.execute, entries });
  },
});
