// Consumer groups through the admin client: their list, one group's members and per partition its
// committed offset, the log-end offset and the lag, and new committed offsets for an empty group.
import { CliError } from "../../errors.js";
import { goQuote } from "../../go/quote.js";
import type { GroupDetails, GroupPartitionLag, GroupSummary, OffsetPlanEntry } from "../views/kafka-group.js";
import type { KafkaSession } from "./session.js";
import { requireTopic } from "./topics.js";

const EARLIEST = -2n;
const LATEST = -1n;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const stateName = (state: string) => state.split("_").map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join("");

export async function listGroups(session: KafkaSession): Promise<GroupSummary[]> {
  const groups = await session.request({}, () => session.admin.listGroups());
  return [...groups.values()].map((g) => ({ id: g.id, state: stateName(g.state), protocolType: g.protocolType })).sort((a, b) => byText(a.id, b.id));
}

/** Offsets of partitions at `timestamp` (EARLIEST, LATEST or milliseconds): topic -> partition -> offset. */
async function offsetsAt(session: KafkaSession, partitions: ReadonlyArray<{ topic: string; partition: number }>, timestamp: bigint, group: string) {
  const byTopic = new Map<string, number[]>();
  for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  const found = new Map<string, bigint>();
  if (byTopic.size === 0) return found;
  for (const [topic, ps] of byTopic) {
    const listed = await session.request({ topic, group, permission: "read" }, () =>
      session.admin.listOffsets({ topics: [{ name: topic, partitions: ps.map((partitionIndex) => ({ partitionIndex, timestamp })) }] }),
    );
    for (const t of listed) for (const p of t.partitions) found.set(`${t.name}\0${p.partitionIndex}`, p.offset);
  }
  return found;
}

async function committedOffsets(session: KafkaSession, group: string): Promise<Map<string, bigint>> {
  const [offsets] = await session.request({ group, permission: "read" }, () => session.admin.listConsumerGroupOffsets({ groups: [group] }));
  const committed = new Map<string, bigint>();
  for (const t of offsets?.topics ?? []) for (const p of t.partitions) if (p.committedOffset >= 0n) committed.set(`${t.name}\0${p.partitionIndex}`, p.committedOffset);
  return committed;
}

export async function describeGroup(session: KafkaSession, group: string): Promise<GroupDetails> {
  const described = (await session.request({ group, permission: "read" }, () => session.admin.describeGroups({ groups: [group] }))).get(group);
  if (!described || described.state === "DEAD") throw new CliError(`consumer group ${goQuote(group)} not found on service ${goQuote(session.connection.service)}`);
  const members = [...described.members.values()].map((m) => ({
    id: m.id,
    clientId: m.clientId,
    host: m.clientHost,
    assignments: [...(m.assignments?.values() ?? [])].map((a) => `${a.topic}:${[...a.partitions].sort((x, y) => x - y).join(",")}`).sort(byText),
  }));
  const owner = new Map<string, string>();
  for (const m of described.members.values()) for (const a of m.assignments?.values() ?? []) for (const p of a.partitions) owner.set(`${a.topic}\0${p}`, m.id);
  const committed = await committedOffsets(session, group);
  const keys = [...new Set([...committed.keys(), ...owner.keys()])];
  const partitions = keys.map((k) => ({ topic: k.split("\0")[0]!, partition: Number(k.split("\0")[1]) }));
  const logEnd = await offsetsAt(session, partitions, LATEST, group);
  const rows: GroupPartitionLag[] = partitions
    .map(({ topic, partition }) => {
      const key = `${topic}\0${partition}`;
      const c = committed.get(key);
      const end = logEnd.get(key) ?? 0n;
      return { topic, partition, committed: c ?? -1n, logEnd: end, lag: c === undefined ? undefined : end - c, member: owner.get(key) ?? "" };
    })
    .sort((a, b) => byText(a.topic, b.topic) || a.partition - b.partition);
  return { id: group, state: stateName(described.state), protocolType: described.protocolType, members, partitions: rows };
}

export type ResetTarget = { kind: "earliest" } | { kind: "latest" } | { kind: "datetime"; ms: bigint } | { kind: "shift"; by: bigint };

/**
 * Refuses a group that has members: the broker accepts offsets committed from outside a group only
 * while it is empty, and its members would move them anyway.
 */
export async function requireNoMembers(session: KafkaSession, group: string, topic: string, consequence = ""): Promise<void> {
  const described = (await session.request({ group, topic, permission: "read" }, () => session.admin.describeGroups({ groups: [group] }))).get(group);
  if (described && described.members.size > 0) {
    throw new CliError(`consumer group ${goQuote(group)} has ${described.members.size} active member(s) (state ${stateName(described.state)}): stop its consumers first${consequence}`);
  }
}

/** The new offset of each partition of the topic; refused while the group has members. */
export async function planReset(session: KafkaSession, group: string, topic: string, target: ResetTarget): Promise<OffsetPlanEntry[]> {
  await requireNoMembers(session, group, topic);
  const found = await requireTopic(session, topic, "read");
  const partitions = found.partitions.map((_, partition) => ({ topic, partition }));
  const committed = await committedOffsets(session, group);
  const [earliest, latest] = [await offsetsAt(session, partitions, EARLIEST, group), await offsetsAt(session, partitions, LATEST, group)];
  const atTime = target.kind === "datetime" ? await offsetsAt(session, partitions, target.ms, group) : undefined;
  return partitions.map(({ partition }) => {
    const key = `${topic}\0${partition}`;
    const [low, high] = [earliest.get(key) ?? 0n, latest.get(key) ?? 0n];
    const current = committed.get(key) ?? -1n;
    let next: bigint;
    if (target.kind === "earliest") next = low;
    else if (target.kind === "latest") next = high;
    else if (target.kind === "datetime") next = (atTime!.get(key) ?? -1n) < 0n ? high : atTime!.get(key)!;
    else next = (current < 0n ? high : current) + target.by;
    // as kafka-consumer-groups does: a shift past either end stops at it
    if (next < low) next = low;
    if (next > high) next = high;
    return { topic, partition, current, target: next };
  });
}

export async function applyReset(session: KafkaSession, group: string, topic: string, entries: readonly OffsetPlanEntry[]): Promise<void> {
  session.changing();
  await session.request({ group, topic, permission: "read" }, () =>
    session.admin.alterConsumerGroupOffsets({ groupId: group, topics: [{ name: topic, partitionOffsets: entries.map((e) => ({ partition: e.partition, offset: e.target })) }] }),
  );
}
