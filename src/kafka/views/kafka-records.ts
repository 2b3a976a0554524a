// Output of `dbaas kafka produce` (how many records went where) and `dbaas kafka consume` (each record
// with its topic, partition, offset, timestamp, key, value and headers). Keys, values and header values
// are text when they are valid UTF-8, else base64, each with its encoding beside it ("utf-8", "base64",
// or "null" for an absent key or value): JSON and templates get the exact text, tables an escaped one.
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { renderEmbeddedTable, renderTable } from "../../output/table.js";
import { terminalSafe } from "../../output/terminal-text.js";
import { listOutput } from "../../output/model.js";
import { structOutput } from "./outputs.js";
import { appended } from "./go.js";
import { defineView, fieldsOf, goStruct, goStructOnDemand, tableHeader, tableRow } from "./spec.js";

export type BytesEncoding = "utf-8" | "base64" | "null";

export interface ShownBytes {
  text: string;
  encoding: BytesEncoding;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as text when valid UTF-8, else base64; null stays null. */
export function showBytes(bytes: Buffer | null | undefined): ShownBytes {
  if (bytes === null || bytes === undefined) return { text: "", encoding: "null" };
  try {
    return { text: UTF8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: bytes.toString("base64"), encoding: "base64" };
  }
}

/** A table cell: text escaped, base64 marked, null empty. */
export const bytesCell = (b: ShownBytes) => (b.encoding === "base64" ? `base64:${b.text}` : terminalSafe(b.text));

export interface ShownHeader {
  key: ShownBytes;
  value: ShownBytes;
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: bigint;
  /** RFC 3339 with milliseconds, UTC */
  timestamp: string;
  key: ShownBytes;
  value: ShownBytes;
  headers: readonly ShownHeader[];
}

const header = fieldsOf<ShownHeader>();
export const recordHeaderView = defineView("*kafka.recordHeaderOutput", [
  header({ go: "Key", json: "key", from: (h) => h.key.text }),
  header({ go: "KeyEncoding", json: "key_encoding", from: (h) => h.key.encoding }),
  header({ go: "Value", json: "value", from: (h) => h.value.text }),
  header({ go: "ValueEncoding", json: "value_encoding", from: (h) => h.value.encoding }),
]);

const record = fieldsOf<ConsumedRecord>();
export const consumedRecordView = defineView("*kafka.recordOutput", [
  record({ go: "Topic", json: "topic", label: "Topic", from: (r) => r.topic }),
  record({ go: "Partition", json: "partition", label: "Partition", from: (r) => r.partition }),
  record({ go: "Offset", json: "offset", label: "Offset", from: (r) => r.offset }),
  record({ go: "Timestamp", json: "timestamp", label: "Timestamp", from: (r) => r.timestamp }),
  record({ go: "Key", json: "key", label: "Key", from: (r) => r.key.text, cell: (_, r) => bytesCell(r.key) }),
  record({ go: "KeyEncoding", json: "key_encoding", from: (r) => r.key.encoding }),
  record({ go: "Value", json: "value", label: "Value", from: (r) => r.value.text, cell: (_, r) => bytesCell(r.value) }),
  record({ go: "ValueEncoding", json: "value_encoding", from: (r) => r.value.encoding }),
  record({
    go: "Headers",
    json: "headers",
    label: "Headers",
    from: (r) => appended(r.headers.map((h) => goStruct(recordHeaderView, h)), recordHeaderView.type),
    cell: (_, r) => r.headers.map((h) => `${bytesCell(h.key)}=${bytesCell(h.value)}`).join(", "),
    annotate: { view: recordHeaderView, slice: true },
  }),
]);

export function consumedRecordsOutput(records: readonly ConsumedRecord[]): ListOutput {
  return listOutput(
    records.map((r) => goStructOnDemand(consumedRecordView, r)),
    (isTTY) => (records.length === 0 ? "" : renderTable({ header: tableHeader(consumedRecordView), rows: records.map((r) => tableRow(consumedRecordView, r)) }, isTTY)),
  );
}

export interface ProducedPartition {
  partition: number;
  firstOffset: bigint;
  records: number;
}

export interface ProduceReport {
  topic: string;
  partitions: readonly ProducedPartition[];
}

const produced = fieldsOf<ProducedPartition>();
export const producedPartitionView = defineView("*kafka.producedPartitionOutput", [
  produced({ go: "Partition", json: "partition", from: (p) => p.partition }),
  produced({ go: "FirstOffset", json: "first_offset", from: (p) => p.firstOffset }),
  produced({ go: "LastOffset", json: "last_offset", from: (p) => p.firstOffset + BigInt(p.records - 1) }),
  produced({ go: "Records", json: "records", from: (p) => p.records }),
]);

const total = (r: ProduceReport) => r.partitions.reduce((n, p) => n + p.records, 0);
const report = fieldsOf<ProduceReport>();
export const produceView = defineView("*kafka.produceOutput", [
  report({ go: "Topic", json: "topic", label: "Topic", from: (r) => r.topic }),
  report({ go: "Records", json: "records", label: "Records", from: total }),
  report({
    go: "Partitions",
    json: "partitions",
    label: "Partitions",
    from: (r) => appended(r.partitions.map((p) => goStruct(producedPartitionView, p)), producedPartitionView.type),
    cell: (_, r) =>
      renderEmbeddedTable(
        r.partitions.map((p) => [`${p.partition}`, `offsets:${p.firstOffset}-${p.firstOffset + BigInt(p.records - 1)}`, `records:${p.records}`]),
        [" "],
      ),
    annotate: { view: producedPartitionView, slice: true },
  }),
]);

export const produceOutput = (r: ProduceReport): ObjectOutput => structOutput(produceView, r);
