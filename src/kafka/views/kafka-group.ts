// Output of `dbaas kafka group list|show|reset-offsets`: a group's state and members, and per partition
// the committed offset, the log-end offset and the lag (log-end minus committed), as
// kafka-consumer-groups --describe shows them, with the total lag.
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { renderEmbeddedTable } from "../../output/table.js";
import { goSlice } from "../../templates/values.js";
import { appended } from "./go.js";
import { sliceOutput, structOutput } from "./outputs.js";
import { defineView, fieldsOf, goStruct } from "./spec.js";

export interface GroupSummary {
  id: string;
  state: string;
  protocolType: string;
}

export interface GroupMemberInfo {
  id: string;
  clientId: string;
  host: string;
  /** topic:partition,partition... */
  assignments: readonly string[];
}

export interface GroupPartitionLag {
  topic: string;
  partition: number;
  /** -1 when the group has no committed offset there */
  committed: bigint;
  logEnd: bigint;
  /** undefined without a committed offset */
  lag?: bigint;
  /** the member the partition is assigned to, if any */
  member: string;
}

export interface GroupDetails extends GroupSummary {
  members: readonly GroupMemberInfo[];
  partitions: readonly GroupPartitionLag[];
}

const summary = fieldsOf<GroupSummary>();
const idField = summary({ go: "ID", json: "id", label: "Group", from: (g) => g.id });
const stateField = summary({ go: "State", json: "state", label: "State", from: (g) => g.state });
export const groupListItemView = defineView("*kafka.groupListItemOutput", [
  idField,
  stateField,
  summary({ go: "ProtocolType", json: "protocol_type", label: "Protocol Type", from: (g) => g.protocolType }),
]);

const member = fieldsOf<GroupMemberInfo>();
export const groupMemberView = defineView("*kafka.groupMemberOutput", [
  member({ go: "ID", json: "id", from: (m) => m.id }),
  member({ go: "ClientID", json: "client_id", from: (m) => m.clientId }),
  member({ go: "Host", json: "host", from: (m) => m.host }),
  member({ go: "Assignments", json: "assignments", from: (m) => goSlice("string", [...m.assignments]) }),
]);

const lagText = (p: GroupPartitionLag) => (p.lag === undefined ? "-" : `${p.lag}`);
const part = fieldsOf<GroupPartitionLag>();
export const groupPartitionView = defineView("*kafka.groupPartitionOutput", [
  part({ go: "Topic", json: "topic", from: (p) => p.topic }),
  part({ go: "Partition", json: "partition", from: (p) => p.partition }),
  part({ go: "CommittedOffset", json: "committed_offset", from: (p) => p.committed }),
  part({ go: "LogEndOffset", json: "log_end_offset", from: (p) => p.logEnd }),
  part({ go: "Lag", json: "lag", from: (p) => p.lag ?? -1n }),
  part({ go: "Member", json: "member", from: (p) => p.member }),
]);

const totalLag = (g: GroupDetails) => g.partitions.reduce((n, p) => n + (p.lag ?? 0n), 0n);
const show = fieldsOf<GroupDetails>();
export const groupShowView = defineView("*kafka.groupShowOutput", [
  idField,
  stateField,
  show({
    go: "Members",
    json: "members",
    label: "Members",
    from: (g) => appended(g.members.map((m) => goStruct(groupMemberView, m)), groupMemberView.type),
    cell: (_, g) => renderEmbeddedTable(g.members.map((m) => [m.id, `client:${m.clientId}`, `host:${m.host}`, m.assignments.join(" ")]), [" "]),
    annotate: { view: groupMemberView, slice: true },
  }),
  show({
    go: "Partitions",
    json: "partitions",
    label: "Offsets",
    from: (g) => appended(g.partitions.map((p) => goStruct(groupPartitionView, p)), groupPartitionView.type),
    cell: (_, g) =>
      renderEmbeddedTable(
        g.partitions.map((p) => [p.topic, `${p.partition}`, `committed:${p.committed < 0n ? "-" : p.committed}`, `log-end:${p.logEnd}`, `lag:${lagText(p)}`]),
        [" "],
      ),
    annotate: { view: groupPartitionView, slice: true },
  }),
  show({ go: "TotalLag", json: "total_lag", label: "Total Lag", from: totalLag }),
]);

export interface OffsetPlanEntry {
  topic: string;
  partition: number;
  current: bigint;
  target: bigint;
}

export interface OffsetPlan {
  group: string;
  executed: boolean;
  entries: readonly OffsetPlanEntry[];
}

const plan = fieldsOf<OffsetPlanEntry>();
export const offsetPlanView = defineView("*kafka.groupOffsetResetOutput", [
  plan({ go: "Topic", json: "topic", label: "Topic", from: (e) => e.topic }),
  plan({ go: "Partition", json: "partition", label: "Partition", from: (e) => e.partition }),
  plan({ go: "CurrentOffset", json: "current_offset", label: "Current Offset", from: (e) => e.current, cell: (v) => (v < 0n ? "-" : `${v}`) }),
  plan({ go: "NewOffset", json: "new_offset", label: "New Offset", from: (e) => e.target }),
]);

export const groupListOutput = (groups: readonly GroupSummary[]): ListOutput => sliceOutput(groupListItemView, groups);
export const groupShowOutput = (group: GroupDetails): ObjectOutput => structOutput(groupShowView, group);
export const offsetPlanOutput = (p: OffsetPlan): ListOutput => sliceOutput(offsetPlanView, p.entries);
