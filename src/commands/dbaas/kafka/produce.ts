// exo dbaas kafka produce NAME TOPIC: one record per stdin line (or --value), acks=all; prints how many
// records were written to which partitions and offsets.
import { produce } from "../../../kafka/protocol/records.js";
import { annotationSections } from "../../../kafka/views/spec.js";
import { produceOutput, produceView } from "../../../kafka/views/kafka-records.js";
import { InputError, validateTopic } from "../../../kafka/validation/index.js";
import { defineCommand, flag } from "../../define.js";
import { connectionFlags, withKafka } from "./shared/connect.js";
import { CONNECTION_HELP } from "./shared/help.js";
import { keyValuePairs } from "./shared/pairs.js";
import { MAX_INPUT_BYTES, stdinRecords } from "./shared/stdin-records.js";

export default defineCommand({
  description: `This command writes records to a topic: one per line read from stdin, or the
one given with --value. With --key-separator each line is KEY<separator>VALUE
(a line without the separator is refused, and then nothing is written). Each
--header K=V is added to every record. Records go to --partition, else to the
partition of their key as Java's producer places it (murmur2), records without
a key in turn. The producer waits for every in-sync replica (acks=all), then
prints how many records were written, and the offsets in each partition.

${CONNECTION_HELP}

Supported output template annotations:
${annotationSections([{ title: "Produced", view: produceView }])}`,
  args: { name: "service", topic: "topic" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "kafka", "consume", args.name, args.topic, "-z", zone, "--from-beginning"],
  options: {
    value: flag.string("value", { description: "write this one record instead of reading stdin" }),
    keySeparator: flag.string("key-separator", { description: "each line is KEY<separator>VALUE" }),
    header: flag.list("header", { description: "header K=V added to every record (repeatable)" }),
    partition: flag.int("partition", { description: "write every record to this partition" }),
    ...connectionFlags(),
  },
  helpFooter: `
Examples:
  printf 'message 1\\nmessage 2\\n' |
    exo dbaas kafka produce test-kafka demo-topic -z de-muc-1
  exo dbaas kafka produce test-kafka demo-topic -z de-muc-1 --value hello \\
    --header source=cli
  printf 'user-1:created\\n' |
    exo dbaas kafka produce test-kafka events -z de-muc-1 --key-separator :
`,
  templated: true,
  async run(ctx, args, opts) {
    const topic = validateTopic(args.topic);
    if (opts.keySeparator === "") throw new InputError("invalid --key-separator \"\": must not be empty");
    if (opts.partition !== undefined && opts.partition < 0) throw new InputError(`invalid --partition ${opts.partition}: must be 0 or more`);
    if (opts.value !== undefined && opts.keySeparator !== undefined) throw new InputError("--key-separator applies to lines read from stdin, not to --value");
    const headers = keyValuePairs("header", opts.header, (key) => key !== "", "").map(({ name, value }): [Buffer, Buffer] => [Buffer.from(name), Buffer.from(value)]);
    const records =
      opts.value !== undefined
        ? [{ value: Buffer.from(opts.value, "utf8"), headers }]
        : stdinRecords(ctx.io.readInput ? await ctx.io.readInput(MAX_INPUT_BYTES, ctx.io.signal) : Buffer.alloc(0), opts.keySeparator, headers);
    if (records.length === 0) throw new InputError("no record to write: stdin was empty (give lines on stdin or --value)");
    const report = await withKafka(ctx, args.name, opts, (session) => produce(session, topic, records, opts.partition), { kind: "producer" });
    return produceOutput(report);
  },
});
