// Output of `dbaas kafka topic list|show|create`: a topic's partition count and replication factor, and
// with show each partition's leader, replicas and in-sync replicas, and the configs set on the topic.
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { renderEmbeddedTable } from "../../output/table.js";
import { goSlice } from "../../templates/values.js";
import { appended } from "./go.js";
import { sliceOutput, structOutput } from "./outputs.js";
import { defineView, fieldsOf, goStruct } from "./spec.js";

export interface TopicPartition {
  partition: number;
  leader: number;
  replicas: readonly number[];
  isr: readonly number[];
}

export interface TopicConfig {
  name: string;
  value: string;
  /** where the value comes from: the topic itself ("topic") or a broker setting */
  source: string;
}

export interface TopicSummary {
  name: string;
  id: string;
  partitions: readonly TopicPartition[];
}

export interface TopicDetails extends TopicSummary {
  /** the configs that differ from the broker's defaults */
  configs: readonly TopicConfig[];
}

const replicationFactor = (t: TopicSummary) => t.partitions[0]?.replicas.length ?? 0;
const ints = (ids: readonly number[]) => goSlice("int32", [...ids]);

const partition = fieldsOf<TopicPartition>();
export const topicPartitionView = defineView("*kafka.topicPartitionOutput", [
  partition({ go: "Partition", json: "partition", from: (p) => p.partition }),
  partition({ go: "Leader", json: "leader", from: (p) => p.leader }),
  partition({ go: "Replicas", json: "replicas", from: (p) => ints(p.replicas) }),
  partition({ go: "ISR", json: "isr", from: (p) => ints(p.isr) }),
]);

const config = fieldsOf<TopicConfig>();
export const topicConfigView = defineView("*kafka.topicConfigOutput", [
  config({ go: "Name", json: "name", from: (c) => c.name }),
  config({ go: "Value", json: "value", from: (c) => c.value }),
  config({ go: "Source", json: "source", from: (c) => c.source }),
]);

const item = fieldsOf<TopicSummary>();
const nameField = item({ go: "Name", json: "name", label: "Name", from: (t) => t.name });
const countField = item({ go: "PartitionCount", json: "partition_count", label: "Partitions", from: (t) => t.partitions.length });
const factorField = item({ go: "ReplicationFactor", json: "replication_factor", label: "Replication Factor", from: replicationFactor });
export const topicListItemView = defineView("*kafka.topicListItemOutput", [
  nameField,
  countField,
  factorField,
]);

const show = fieldsOf<TopicDetails>();
export const topicShowView = defineView("*kafka.topicShowOutput", [
  nameField,
  show({ go: "ID", json: "id", label: "ID", from: (t) => t.id }),
  countField,
  factorField,
  show({
    go: "Partitions",
    json: "partitions",
    label: "Partitions Detail",
    from: (t) => appended(t.partitions.map((p) => goStruct(topicPartitionView, p)), topicPartitionView.type),
    cell: (_, t) =>
      renderEmbeddedTable(
        t.partitions.map((p) => [`${p.partition}`, `leader:${p.leader}`, `replicas:${p.replicas.join(",")}`, `isr:${p.isr.join(",")}`]),
        [" "],
      ),
    annotate: { view: topicPartitionView, slice: true },
  }),
  show({
    go: "Configs",
    json: "configs",
    label: "Configs",
    from: (t) => appended(t.configs.map((c) => goStruct(topicConfigView, c)), topicConfigView.type),
    cell: (_, t) => renderEmbeddedTable(t.configs.map((c) => [c.name, c.value]), [" "]),
    annotate: { view: topicConfigView, slice: true },
  }),
]);

export const topicListOutput = (topics: readonly TopicSummary[]): ListOutput => sliceOutput(topicListItemView, topics);
export const topicShowOutput = (topic: TopicDetails): ObjectOutput => structOutput(topicShowView, topic);
