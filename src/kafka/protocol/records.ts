// Producing and consuming records. Produce assigns each record's partition itself, as Java's producer
// does (murmur2 of the key, positive, modulo the partition count; records without a key in turn), so
// the report says exactly where each went. Consume fetches by offset from each partition's leader,
// without joining a group; with a group it starts from the group's committed offsets and commits
// what it returned.
import type { ClusterTopicMetadata } from "@platformatic/kafka";
import { CliError } from "../../errors.js";
import { goQuote } from "../../go/quote.js";
import type { ConsumedRecord, ProduceReport } from "../views/kafka-records.js";
import { FetchedRecord } from "./fetched-record.js";
import { requireNoMembers } from "./groups.js";
import type { KafkaSession } from "./session.js";
import { requireTopic } from "./topics.js";

export interface OutgoingRecord {
  key?: Buffer;
  value: Buffer;
  headers: ReadonlyArray<[Buffer, Buffer]>;
}

const POSITIVE = 0x7fffffff;
const EARLIEST = -2n;
const LATEST = -1n;
/** a control batch (transaction markers) carries no records to show */
const CONTROL_BATCH = 0x20;
const FETCH_WAIT_MS = 500;
/** per partition and fetch: fewer round trips for a long read (the response stays within the consumer's 10 MiB) */
const PARTITION_MAX_BYTES = 4 << 20;
/** the records of one produce request, well below the broker's default message.max.bytes (1 MiB) */
const REQUEST_BYTES = 512 * 1024;
/** produce requests sent before the first answer is awaited */
const IN_FLIGHT = 4;
/** a record's framing in a batch, at most (attributes, deltas, lengths as varints) */
const RECORD_OVERHEAD = 24;

function checkPartition(topic: string, meta: ClusterTopicMetadata, partition: number | undefined): void {
  if (partition !== undefined && (partition < 0 || partition >= meta.partitions.length)) {
    throw new CliError(`topic ${goQuote(topic)} has no partition ${partition} (partitions 0 to ${meta.partitions.length - 1})`);
  }
}

/**
 * The items in order, cut into produce requests of at most REQUEST_BYTES (`size` counts a record's key,
 * value and headers): one request holds one batch per partition, which the broker refuses above its
 * message.max.bytes (1 MiB by default).
 */
function* requestSized<T>(items: Iterable<T>, size: (item: T) => number): Generator<T[]> {
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (chunk.length > 0 && bytes + n > REQUEST_BYTES) {
      yield chunk;
      [chunk, bytes] = [[], 0];
    }
    chunk.push(item);
    bytes += n;
  }
  if (chunk.length > 0) yield chunk;
}

/** Writes the records with acks=all; the report groups them by partition with their first offset. */
export async function produce(session: KafkaSession, topic: string, records: Iterable<OutgoingRecord>, partition?: number): Promise<ProduceReport> {
  const meta = await requireTopic(session, topic, "write");
  checkPartition(topic, meta, partition);
  const count = meta.partitions.length;
  let next = 0;
  // records given the same headers (all of them, from --header) share one Map and its size
  let shared: { of: OutgoingRecord["headers"]; map: Map<Buffer, Buffer> | undefined; bytes: number } | undefined;
  const headersOf = (r: OutgoingRecord) => {
    if (shared?.of !== r.headers) {
      // no headers: none given to the library, which then makes no Map for the record
      shared = { of: r.headers, map: r.headers.length > 0 ? new Map(r.headers) : undefined, bytes: r.headers.reduce((n, [k, v]) => n + k.length + v.length + RECORD_OVERHEAD, 0) };
    }
    return shared;
  };
  const counts = new Map<number, number>();
  // made a request at a time, in order: the messages of a request answered are not kept
  const message = (r: OutgoingRecord) => {
    const p = partition ?? (r.key !== undefined ? (session.library.murmur2(r.key) & POSITIVE) % count : next++ % count);
    counts.set(p, (counts.get(p) ?? 0) + 1);
    return { topic, partition: p, key: r.key, value: r.value, headers: headersOf(r).map };
  };
  const producer = session.producer();
  const firstOffsets = new Map<number, bigint>();
  // requests go out IN_FLIGHT at a time on the broker's one connection, which the broker answers in
  // order; the producer does not retry (session.producer), so a record cannot overtake an earlier one
  const sends: Array<Promise<unknown>> = [];
  session.changing();
  for (const chunk of requestSized(records, (r) => RECORD_OVERHEAD + (r.key?.length ?? 0) + r.value.length + headersOf(r).bytes)) {
    const messages = chunk.map(message);
    const sent = session.request({ topic, permission: "write" }, () => producer.send({ messages })).then((result) => {
      for (const o of result.offsets ?? []) {
        const known = firstOffsets.get(o.partition);
        if (known === undefined || o.offset < known) firstOffsets.set(o.partition, o.offset);
      }
    });
    // awaited below; a failure of one not awaited yet (an earlier one failed, or an interrupt) is not unhandled
    sent.catch(() => undefined);
    sends.push(sent);
    if (sends.length >= IN_FLIGHT) await sends.shift();
  }
  await Promise.all(sends);
  const partitions = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([p, n]) => {
      const first = firstOffsets.get(p);
      if (first === undefined) throw new CliError(`the broker did not report where the records of partition ${p} were written`);
      return { partition: p, firstOffset: first, records: n };
    });
  return { topic, partitions };
}

/** The group id of consume's consumer: --group, else the library's own (no group is joined). */
export const consumerGroupId = (group: string | undefined): string => group ?? "exo-dbaas";

export interface ConsumeRequest {
  topic: string;
  partition?: number;
  /** with partition: the first offset to read */
  offset?: bigint;
  fromBeginning: boolean;
  group?: string;
  maxMessages?: number;
  /** ends after this long without a new record */
  idleMs: number;
}

/** Where each partition starts: --offset, the group's committed offset, or the earliest or latest. */
async function startOffsets(session: KafkaSession, req: ConsumeRequest, partitions: number[]): Promise<Map<number, bigint>> {
  const consumer = session.consumer(consumerGroupId(req.group));
  const target = { topic: req.topic, group: req.group, permission: "read" as const };
  const listed = async (timestamp: bigint) =>
    (await session.request(target, () => consumer.listOffsets({ topics: [req.topic], partitions: { [req.topic]: partitions }, timestamp }))).get(req.topic) ?? [];
  const fallback = await listed(req.fromBeginning ? EARLIEST : LATEST);
  const starts = new Map(partitions.map((p) => [p, fallback[p] ?? 0n]));
  if (req.offset !== undefined && req.partition !== undefined) {
    const [earliest, latest] = [await listed(EARLIEST), await listed(LATEST)];
    const p = req.partition;
    if (req.offset < (earliest[p] ?? 0n) || req.offset > (latest[p] ?? 0n)) {
      throw new CliError(`offset ${req.offset} is outside partition ${p} of topic ${goQuote(req.topic)} (offsets ${earliest[p]} to ${latest[p]})`);
    }
    starts.set(p, req.offset);
  } else if (req.group !== undefined) {
    const [committed] = await session.request(target, () => session.admin.listConsumerGroupOffsets({ groups: [{ groupId: req.group!, topics: [{ name: req.topic, partitionIndexes: partitions }] }] }));
    for (const t of committed?.topics ?? []) for (const c of t.partitions) if (c.committedOffset >= 0n) starts.set(c.partitionIndex, c.committedOffset);
  }
  return starts;
}

/** Reads records until --max-messages or until --timeout passes without a new one. */
export async function consume(session: KafkaSession, req: ConsumeRequest): Promise<ConsumedRecord[]> {
  const meta = await requireTopic(session, req.topic, "read");
  checkPartition(req.topic, meta, req.partition);
  // before reading: the commit at the end would be refused, the records read lost
  if (req.group !== undefined) await requireNoMembers(session, req.group, req.topic, "; nothing was read");
  const partitions = req.partition !== undefined ? [req.partition] : meta.partitions.map((_, i) => i);
  const positions = await startOffsets(session, req, partitions);
  const consumer = session.consumer(consumerGroupId(req.group));
  const target = { topic: req.topic, group: req.group, permission: "read" as const };
  const records: ConsumedRecord[] = [];
  const done = () => req.maxMessages !== undefined && records.length >= req.maxMessages;
  let idleSince = Date.now();
  while (!done() && Date.now() - idleSince < req.idleMs) {
    const byLeader = new Map<number, number[]>();
    for (const p of partitions) byLeader.set(meta.partitions[p]!.leader, [...(byLeader.get(meta.partitions[p]!.leader) ?? []), p]);
    let got = 0;
    for (const [node, ps] of byLeader) {
      const response = await session.request(target, () =>
        consumer.fetch({
          node,
          maxWaitTime: Math.min(FETCH_WAIT_MS, Math.max(1, req.idleMs)),
          topics: [
            {
              topicId: meta.id,
              partitions: ps.map((p) => ({ partition: p, currentLeaderEpoch: -1, fetchOffset: positions.get(p)!, lastFetchedEpoch: -1, partitionMaxBytes: PARTITION_MAX_BYTES })),
            },
          ],
        }),
      );
      for (const t of response.responses) {
        for (const part of t.partitions) {
          if (part.errorCode !== 0) {
            const apiId = session.library.protocolErrorsCodesById[part.errorCode] ?? `error ${part.errorCode}`;
            throw session.fail({ apiId }, target);
          }
          for (const batch of part.records ?? []) {
            const position = positions.get(part.partitionIndex)!;
            const last = batch.firstOffset + BigInt(batch.lastOffsetDelta);
            if ((batch.attributes & CONTROL_BATCH) === 0) {
              // a batch may start before the offset asked for: its records before it are skipped
              const skipping = batch.firstOffset < position;
              for (const r of batch.records) {
                if (done()) break;
                if (skipping && batch.firstOffset + BigInt(r.offsetDelta) < position) continue;
                records.push(new FetchedRecord(req.topic, part.partitionIndex, batch, r));
                got++;
              }
            }
            if (last >= positions.get(part.partitionIndex)!) positions.set(part.partitionIndex, last + 1n);
          }
        }
      }
    }
    if (got > 0) idleSince = Date.now();
  }
  if (req.group !== undefined) await commit(session, req, records, positions);
  return records;
}

/** With --group: the offset after the last record returned of each partition read. */
async function commit(session: KafkaSession, req: ConsumeRequest, records: readonly ConsumedRecord[], positions: Map<number, bigint>): Promise<void> {
  const next = new Map<number, bigint>();
  for (const r of records) next.set(r.partition, r.offset + 1n);
  for (const [p, offset] of positions) if (!next.has(p) && req.maxMessages === undefined) next.set(p, offset);
  if (next.size === 0) return;
  session.changing();
  await session.request({ topic: req.topic, group: req.group, permission: "read" }, () =>
    session.admin.alterConsumerGroupOffsets({
      groupId: req.group!,
      topics: [{ name: req.topic, partitionOffsets: [...next].map(([partition, offset]) => ({ partition, offset })) }],
    }),
  );
}
