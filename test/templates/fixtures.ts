// Data models mirrored by the Go programs that produced the expected outputs: a Kafka service
// as exo's `dbaas show` builds it, and a grab-bag of Go types.

import { GoFloat, GoNil, GoPtr, GoStruct, GoTime, goMap, goSlice } from "../../src/templates/index.js";

const maintenanceType = "dbaas.dbServiceMaintenanceShowOutput";

function maintenance(dow: string, time: string, pointer = false): GoStruct {
  return new GoStruct((pointer ? "*" : "") + maintenanceType, [
    { name: "DOW", value: dow, json: "dow" },
    { name: "Time", value: time, json: "time" },
  ]);
}

export const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

export function showFixture(cert = CERT): GoStruct {
  const utc = (s: string) => GoTime.parse(s)!;
  const kafka = new GoStruct("*dbaas.dbServiceKafkaShowOutput", [
    {
      name: "ACL",
      value: [
        ["acl-1", "admin", "*", "avnadmin"],
        ["acl-2", "read", "logs-*", "reader"],
      ].map(
        ([id, permission, topic, username]) =>
          new GoStruct("dbaas.dbServiceKafkaACLShowOutput", [
            { name: "ID", value: id },
            { name: "Permission", value: permission },
            { name: "Topic", value: topic },
            { name: "Username", value: username },
          ]),
      ),
    },
    {
      name: "AuthenticationMethods",
      value: new GoStruct("dbaas.dbServiceKafkaAuthenticationShowOutput", [
        { name: "Certificate", value: true },
        { name: "SASL", value: false },
      ]),
    },
    {
      name: "Components",
      value: [
        new GoStruct("dbaas.dbServiceKafkaComponentShowOutput", [
          { name: "AuthenticationMethod", value: "certificate" },
          { name: "Component", value: "kafka" },
          { name: "Host", value: "kafka.example" },
          { name: "Port", value: 21701n },
          { name: "Route", value: "dynamic" },
          { name: "Usage", value: "primary" },
        ]),
      ],
    },
    {
      name: "ConnectionInfo",
      value: new GoStruct("dbaas.dbServiceKafkaConnectionInfoShowOutput", [
        { name: "AccessCert", value: new GoPtr(cert, "*string") },
        { name: "AccessKey", value: new GoPtr("KEY", "*string") },
        { name: "Nodes", value: new GoPtr(goSlice("string", ["10.0.0.1:21701", "10.0.0.2:21701"]), "*[]string") },
        { name: "RegistryURI", value: new GoNil("*string") },
        { name: "RestURI", value: new GoNil("*string") },
      ]),
    },
    { name: "IPFilter", value: ["0.0.0.0/0", "::/0"] },
    { name: "KafkaConnectEnabled", value: false },
    { name: "KafkaRESTEnabled", value: false },
    { name: "SchemaRegistryEnabled", value: false },
    { name: "URI", value: "kafka.example:21701" },
    { name: "URIParams", value: { host: "kafka.example", port: "21701" } },
    {
      name: "Users",
      value: [
        new GoStruct("dbaas.dbServiceKafkaUserShowOutput", [
          { name: "AccessCert", value: new GoPtr(cert, "*string") },
          { name: "AccessCertExpiry", value: new GoPtr(utc("2031-10-30T15:11:37Z"), "*time.Time") },
          { name: "AccessKey", value: new GoPtr("K1", "*string") },
          { name: "Password", value: "pw" },
          { name: "Type", value: "primary" },
          { name: "Username", value: "avnadmin" },
        ]),
      ],
    },
    { name: "Version", value: "3.7" },
  ]);
  return new GoStruct("*dbaas.dbServiceShowOutput", [
    { name: "CreationDate", value: utc("2021-11-01T15:11:37.12Z") },
    { name: "DiskSize", value: 96636764160n },
    { name: "Maintenance", value: maintenance("sunday", "22:13:41", true) },
    { name: "Name", value: "my-kafka" },
    { name: "NodeCPUs", value: 2n },
    { name: "NodeMemory", value: 8589934592n },
    { name: "Nodes", value: 3n },
    { name: "Plan", value: "business-4" },
    { name: "State", value: "running" },
    { name: "TerminationProtection", value: true },
    { name: "Type", value: "kafka" },
    { name: "UpdateDate", value: utc("2021-11-02T08:00:00Z") },
    { name: "Zone", value: "ch-gva-2" },
    { name: "Kafka", value: kafka },
    { name: "PG", value: new GoNil("*dbaas.dbServicePGShowOutput", ["Version"]) },
  ]);
}

export function miscFixture(): GoStruct {
  const t = GoTime.parse("2024-05-02T09:10:11.123456Z")!;
  return new GoStruct("dbaas.misc", [
    { name: "F", value: 2.5 },
    { name: "Whole", value: new GoFloat(3) },
    { name: "Big", value: new GoFloat(1e21) },
    { name: "Tiny", value: 1e-7 },
    { name: "Neg", value: -0.25 },
    { name: "I", value: 7 },
    { name: "I64", value: 9007199254740993n },
    { name: "S", value: "str" },
    { name: "B", value: true },
    { name: "NilPtr", value: new GoNil("*" + maintenanceType, ["DOW", "Time"]) },
    { name: "NilStr", value: new GoNil("*string") },
    { name: "StrPtr", value: new GoPtr("pointed", "*string") },
    { name: "IntPtr", value: new GoPtr(42n, "*int64") },
    { name: "NilList", value: new GoNil("[]string") },
    { name: "NilMap", value: new GoNil("map[string]string") },
    { name: "Iface", value: null },
    { name: "Structs", value: [maintenance("mon", "1"), maintenance("tue", "2")] },
    { name: "Ptrs", value: [maintenance("wed", "3", true), new GoNil("*" + maintenanceType)] },
    { name: "M", value: { k: "v", n: 1, nested: { x: [1, "two"] } } },
    { name: "T", value: t },
    { name: "TZ", value: new GoTime(t.unixSeconds - 3600, 0, 3600, "") },
    { name: "Zero", value: GoTime.zero() },
    { name: "TPtr", value: new GoPtr(t, "*time.Time") },
    { name: "NilT", value: new GoNil("*time.Time") },
    { name: "Fn", value: (a: number, b: number) => a + b },
    { name: "Maint", value: maintenance("fri", "5") },
    { name: "Strs", value: goSlice("string", ["x", "y"]) },
    { name: "SMap", value: goMap("string", { b: "2", a: "1" }) },
    { name: "IMap", value: goMap("int64", { one: 1n }) },
    { name: "Str", value: new GoStruct("dbaas.stringer", [{ name: "A", value: "a" }], { String: () => "S:a" }) },
  ], {
    Greeting: () => "hi str",
    Fail: () => {
      throw new Error("boom");
    },
  });
}

export const FIXTURES: Record<string, () => unknown> = { show: () => showFixture(), misc: miscFixture };
