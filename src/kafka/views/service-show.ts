// `exo dbaas show NAME` for a Kafka service: exo's dbServiceShowOutput and its hand-written table.

import type { KafkaAcls, KafkaService } from "../../api/schemas.js";
import { GoNil, type GoStruct } from "../../templates/values.js";
import { humanizeIBytes } from "../../output/go-format.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { goTime, ptr, toNumber } from "./go.js";
import { kafkaView, type ServiceShowSource } from "./service-show-kafka.js";
import { defineView, fieldsOf, goStruct, tableRows } from "./spec.js";

type Maintenance = NonNullable<KafkaService["maintenance"]>;

const PKG = "dbaas.";
const bytes = (value: number | bigint) => humanizeIBytes(toNumber(value));

const maintenanceField = fieldsOf<Maintenance>();
export const maintenanceView = defineView(`${PKG}dbServiceMaintenanceShowOutput`, [
  maintenanceField({ go: "DOW", json: "dow", from: (m) => m.dow }),
  maintenanceField({ go: "Time", json: "time", from: (m) => m.time }),
]);

const show = fieldsOf<ServiceShowSource>();
const noEngine = (name: string) =>
  show({ go: name, json: name.toLowerCase(), omitempty: true, unannotated: true, from: () => new GoNil(`*${PKG}dbService${name}ShowOutput`) });

/**
 * exo's `*dbaas.dbServiceShowOutput`. Where exo would panic (no `termination-protection` or
 * `connection-info`) the Go zero values are used instead.
 */
export const serviceShowView = defineView(
  `*${PKG}dbServiceShowOutput`,
  [
    show({ go: "CreationDate", json: "creation_date", label: "Creation Date", from: ({ service }) => goTime(service["created-at"]) }),
    show({ go: "DiskSize", json: "disk_size", label: "Disk Size", from: ({ service }) => service["disk-size"] ?? 0, cell: bytes }),
    show({
      go: "Maintenance",
      json: "maintenance",
      label: "Maintenance",
      from: ({ service }) => ptr(service.maintenance && goStruct(maintenanceView, service.maintenance), maintenanceView.type),
      cell: (_, { service }) => (service.maintenance ? `${service.maintenance.dow} (${service.maintenance.time})` : "n/a"),
    }),
    show({ go: "Name", json: "name", label: "Name", from: ({ service }) => service.name }),
    show({ go: "NodeCPUs", json: "node_cpus", label: "Node CPUs", from: ({ service }) => service["node-cpu-count"] ?? 0 }),
    show({ go: "NodeMemory", json: "node_memory", label: "Node Memory", from: ({ service }) => service["node-memory"] ?? 0, cell: bytes }),
    show({ go: "Nodes", json: "nodes", label: "Nodes", from: ({ service }) => service["node-count"] ?? 0 }),
    show({ go: "Plan", json: "plan", label: "Plan", from: ({ service }) => service.plan }),
    show({ go: "State", json: "state", label: "State", from: ({ service }) => service.state ?? "" }),
    show({
      go: "TerminationProtection",
      json: "termination_protection",
      label: "Termination Protected",
      from: ({ service }) => service["termination-protection"] ?? false,
    }),
    show({ go: "Type", json: "type", label: "Type", from: ({ service }) => service.type }),
    show({ go: "UpdateDate", json: "update_date", label: "Update Date", from: ({ service }) => goTime(service["updated-at"]) }),
    show({ go: "Zone", json: "zone", label: "Zone", from: ({ zone }) => zone }),
    noEngine("Grafana"),
    show({
      go: "Kafka",
      json: "kafka",
      omitempty: true,
      from: (source) => ptr(goStruct(kafkaView, source), kafkaView.type),
      annotate: { view: kafkaView },
    }),
    noEngine("Mysql"),
    noEngine("PG"),
    noEngine("Valkey"),
    noEngine("Opensearch"),
    noEngine("Thanos"),
  ],
  {
    tableOrder: ["Zone", "Name", "Type", "Plan", "DiskSize", "State", "CreationDate", "UpdateDate", "Nodes", "NodeCPUs", "NodeMemory", "TerminationProtection", "Maintenance"],
  },
);

/** The Go value of `exo dbaas show NAME` (templates and JSON see it). */
export function buildServiceShowValue(service: KafkaService, acl: KafkaAcls, zone: string): GoStruct {
  return goStruct(serviceShowView, { service, acl, zone });
}

/** `exo dbaas show NAME` (default view) for a Kafka service: the service's rows, then Kafka's. */
export function serviceShowOutput(service: KafkaService, acl: KafkaAcls, zone: string): ObjectOutput {
  const source = { service, acl, zone };
  return objectOutput(goStruct(serviceShowView, source), (isTTY) =>
    renderTable({ header: ["Database Service"], rows: [...tableRows(serviceShowView, source), ...tableRows(kafkaView, source)] }, isTTY),
  );
}
