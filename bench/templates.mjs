// Renders `{{.Kafka.ConnectionInfo.AccessCert}}` on a `dbaas show`-sized model and prints renders/s.
// Usage: npm run build && node bench/templates.mjs [seconds]
import { GoNil, GoPtr, GoStruct, GoTime, parse, render } from "../dist/templates/index.js";

const pem = "-----BEGIN CERTIFICATE-----\n" + "MIIFazCCA1OgAwIBAgIUQ2hNYv0r8sW5fFZ7kqx3Q9w0c2AwDQYJKoZIhvcNAQEL\n".repeat(30) + "-----END CERTIFICATE-----\n";
const str = (s) => new GoPtr(s, "*string");
const acl = (i) =>
  new GoStruct("dbaas.dbServiceKafkaACLShowOutput", [
    { name: "ID", value: `acl-${i}` },
    { name: "Permission", value: "readwrite" },
    { name: "Topic", value: `topic-${i}` },
    { name: "Username", value: `user-${i}` },
  ]);
const kafka = new GoStruct("*dbaas.dbServiceKafkaShowOutput", [
  { name: "ACL", value: Array.from({ length: 10 }, (_, i) => acl(i)) },
  { name: "AuthenticationMethods", value: new GoStruct("dbaas.dbServiceKafkaAuthenticationShowOutput", [{ name: "Certificate", value: true }, { name: "SASL", value: false }]) },
  { name: "Components", value: [] },
  {
    name: "ConnectionInfo",
    value: new GoStruct("dbaas.dbServiceKafkaConnectionInfoShowOutput", [
      { name: "AccessCert", value: str(pem) },
      { name: "AccessKey", value: str("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n") },
      { name: "Nodes", value: new GoPtr(["10.0.0.1:21701", "10.0.0.2:21701", "10.0.0.3:21701"], "*[]string") },
      { name: "RegistryURI", value: new GoNil("*string") },
      { name: "RestURI", value: new GoNil("*string") },
    ]),
  },
  { name: "IPFilter", value: ["0.0.0.0/0"] },
  { name: "KafkaConnectEnabled", value: false },
  { name: "KafkaRESTEnabled", value: false },
  { name: "SchemaRegistryEnabled", value: false },
  { name: "URI", value: "kafka-1234.a.aivencloud.com:21701" },
  { name: "URIParams", value: { host: "kafka-1234.a.aivencloud.com", port: "21701" } },
  { name: "Users", value: [] },
  { name: "Version", value: "3.7" },
]);
const model = new GoStruct("*dbaas.dbServiceShowOutput", [
  { name: "CreationDate", value: GoTime.parse("2024-05-02T09:10:11.123456Z") },
  { name: "DiskSize", value: 96636764160n },
  { name: "Maintenance", value: new GoStruct("*dbaas.dbServiceMaintenanceShowOutput", [{ name: "DOW", value: "sunday" }, { name: "Time", value: "22:13:41" }]) },
  { name: "Name", value: "my-kafka" },
  { name: "NodeCPUs", value: 2n },
  { name: "NodeMemory", value: 8589934592n },
  { name: "Nodes", value: 3n },
  { name: "Plan", value: "business-4" },
  { name: "State", value: "running" },
  { name: "TerminationProtection", value: true },
  { name: "Type", value: "kafka" },
  { name: "UpdateDate", value: GoTime.parse("2024-05-03T09:10:11Z") },
  { name: "Zone", value: "ch-gva-2" },
  { name: "Kafka", value: kafka },
]);

const seconds = Number(process.argv[2] ?? 2);
const template = "{{.Kafka.ConnectionInfo.AccessCert}}";

function measure(label, fn) {
  for (let i = 0; i < 20000; i++) fn(); // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 1000; i++) fn();
    n += 1000;
    now = process.hrtime.bigint();
  }
  const rate = n / (Number(now - start) / 1e9);
  console.log(`${label}: ${Math.round(rate).toLocaleString("en-US")} renders/s`);
  return rate;
}

if (render(template, model) !== pem) throw new Error("wrong output");
const parsed = parse(template);
const executeRate = measure("parse once, execute", () => parsed.execute(model));
measure("parse + execute", () => render(template, model));
const target = 100_000;
if (executeRate < target) {
  console.error(`below target of ${target.toLocaleString("en-US")} renders/s`);
  process.exitCode = 1;
}
