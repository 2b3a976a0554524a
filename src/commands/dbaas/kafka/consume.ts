// exo dbaas kafka consume NAME TOPIC: records with their topic, partition, offset, timestamp, key, value
// and headers, until --max-messages or until --timeout passes without a new record.
import { parseDurationFlag } from "../../../go/pflag.js";
import { goQuote } from "../../../go/quote.js";
import { consume, consumerGroupId } from "../../../kafka/protocol/records.js";
import { annotationSections } from "../../../kafka/views/spec.js";
import { consumedRecordsOutput, consumedRecordView } from "../../../kafka/views/kafka-records.js";
import { InputError, validateTopic } from "../../../kafka/validation/index.js";
import { defineCommand, flag } from "../../define.js";
import { connectionFlags, withKafka } from "./shared/connect.js";
import { CONNECTION_HELP } from "./shared/help.js";
import { validateGroupId } from "./shared/group-id.js";

export default defineCommand({
  description: `This command reads records from a topic and prints them once it ends: after
--max-messages records, or when --idle-timeout passes without a new record
(default 5s). It starts at the end of each partition (new records only), at the
beginning with --from-beginning, at --offset N of --partition, or with --group
at the group's committed offsets (then it commits the offset after the last
record printed of each partition; the group must have no active member).
Without --group it joins no group and commits nothing.

Keys, values and header values are printed as text when they are valid UTF-8
(escaped in tables), else as base64: tables mark them "base64:", JSON and
templates give the encoding beside each (utf-8, base64, or null when absent).

${CONNECTION_HELP}

Supported output template annotations:
${annotationSections([{ title: "Record", view: consumedRecordView }])}`,
  args: { name: "service", topic: "topic" },
  // with --group, the commit is a change
  changeCheck: (args, opts, zone) => ["exo", "dbaas", "kafka", "group", "show", args.name, opts.group ?? "", "-z", zone],
  options: {
    fromBeginning: flag.bool("from-beginning", { description: "start at the earliest offset of each partition" }),
    offset: flag.string("offset", { description: "with --partition: the first offset to read" }),
    partition: flag.int("partition", { description: "read this partition only" }),
    group: flag.string("group", { names: "group", description: "start at this group's committed offsets and commit what was read" }),
    maxMessages: flag.int("max-messages", { description: "stop after this many records" }),
    idleTimeout: flag.string("idle-timeout", { default: "5s", description: "stop after this long without a new record" }),
    ...connectionFlags(),
  },
  helpFooter: `
Examples:
  exo dbaas kafka consume test-kafka demo-topic -z de-muc-1 --from-beginning \\
    --max-messages 10
  exo dbaas kafka consume test-kafka demo-topic -z de-muc-1 --partition 0 \\
    --offset 42 -O json
  exo dbaas kafka consume test-kafka demo-topic -z de-muc-1 --group demo-group \\
    --idle-timeout 2s
`,
  templated: true,
  async run(ctx, args, opts) {
    const topic = validateTopic(args.topic);
    const group = opts.group === undefined ? undefined : validateGroupId(opts.group);
    if (opts.partition !== undefined && opts.partition < 0) throw new InputError(`invalid --partition ${opts.partition}: must be 0 or more`);
    if (opts.maxMessages !== undefined && opts.maxMessages < 1) throw new InputError(`invalid --max-messages ${opts.maxMessages}: must be 1 or more`);
    let offset: bigint | undefined;
    if (opts.offset !== undefined) {
      if (!/^(0|[1-9][0-9]{0,18})$/.test(opts.offset)) throw new InputError(`invalid --offset ${goQuote(opts.offset)}: must be an offset (0 or more)`);
      if (opts.partition === undefined) throw new InputError("--offset needs --partition");
      if (opts.fromBeginning || group !== undefined) throw new InputError("--offset cannot be combined with --from-beginning or --group");
      offset = BigInt(opts.offset);
    }
    const idleMs = parseDurationFlag(opts.idleTimeout, "--idle-timeout");
    if (idleMs <= 0) throw new InputError(`invalid --idle-timeout ${goQuote(opts.idleTimeout)}: must be a positive duration such as 5s`);
    const request = { topic, partition: opts.partition, offset, fromBeginning: opts.fromBeginning, group, maxMessages: opts.maxMessages, idleMs };
    const records = await withKafka(ctx, args.name, opts, (session) => consume(session, request), { kind: "consumer", groupId: consumerGroupId(group) });
    return consumedRecordsOutput(records);
  },
});
