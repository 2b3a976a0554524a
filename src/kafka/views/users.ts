// `exo dbaas user list|show|reveal-secrets` for a Kafka service.

import { GoNil, GoPtr, GoStruct, GoTime } from "../../templates/values.js";
import { goTimeString } from "../../output/go-format.js";
import { listOutput, objectOutput, type ListOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { field, ptr, struct } from "./go.js";
import { isObject, objects, str, time, type RawObject } from "./raw.js";

const asObject = (value: unknown): RawObject => (isObject(value) ? value : {});

/** `user list NAME`: users of `GET /dbaas-kafka/NAME`, in API order. */
export function userListOutput(service: unknown): ListOutput {
  const items = (objects(asObject(service), "users") ?? []).map((u) =>
    struct("dbaas.dbaasUsersListItemOutput", [
      field("Username", str(u, "username"), "username", true),
      field("Type", str(u, "type"), "type", true),
    ]),
  );
  return listOutput(items, (isTTY) =>
    renderTable(
      { header: ["Username", "Type"], rows: items.map((i) => [String(i.get("Username")), String(i.get("Type"))]) },
      isTTY,
    ),
  );
}

/** The user named `username` in a service response, if any (exo: `user "U" not found for service "N"`). */
export function findServiceUser(service: unknown, username: string): RawObject | undefined {
  return (objects(asObject(service), "users") ?? []).find((u) => str(u, "username") === username);
}

/** `user show NAME USERNAME` (also printed after `user create` and `reset-credentials`). */
export function userShowOutput(user: RawObject): ObjectOutput {
  const value = struct("*dbaas.dbaasUserShowOutput", [
    field("Username", str(user, "username"), "username", true),
    field("Type", str(user, "type"), "type", true),
    field("MySQL", new GoNil("*dbaas.dbaasMysqlUserShowOutput"), "mysql", true),
    field("PG", new GoNil("*dbaas.dbaasPGUserShowOutput"), "pg", true),
  ]);
  return objectOutput(value, (isTTY) =>
    renderTable(
      {
        header: ["Service User"],
        rows: [
          ["Username", String(value.get("Username"))],
          ["Type", String(value.get("Type"))],
        ],
      },
      isTTY,
    ),
  );
}

function kafkaSecrets(value: GoStruct): GoStruct | undefined {
  const kafka = value.get("Kafka");
  return kafka instanceof GoPtr && kafka.value instanceof GoStruct ? kafka.value : undefined;
}

/** `user reveal-secrets NAME USERNAME` from `GET /dbaas-kafka/NAME/user/USERNAME/password/reveal`. */
export function userRevealOutput(secrets: unknown): ObjectOutput {
  const s = asObject(secrets);
  const kafka = struct("dbaas.dbaasKafkaUserRevealOutput", [
    field("AccessKey", str(s, "access-key"), "access-key", true),
    field("AccessCert", str(s, "access-cert"), "access-cert", true),
    field("AccessCertExpiry", time(s, "access-cert-expiry"), "access-cert-expiry", true),
  ]);
  const value = struct("*dbaas.dbaasUserRevealOutput", [
    field("Username", "", "username", true),
    field("Type", "", "type", true),
    field("Password", str(s, "password"), "password", true),
    field("Kafka", ptr(kafka, "dbaas.dbaasKafkaUserRevealOutput"), "kafka", true),
  ]);
  return objectOutput(value, (isTTY) => {
    const k = kafkaSecrets(value);
    const expiry = k?.get("AccessCertExpiry");
    return renderTable(
      {
        header: ["Secrets"],
        rows: [
          ["Password", String(value.get("Password"))],
          ["Access Cert", String(k?.get("AccessCert") ?? "")],
          ["Access Key", String(k?.get("AccessKey") ?? "")],
          ["Access Cert Expiry", expiry instanceof GoTime ? goTimeString(expiry) : ""],
        ],
      },
      isTTY,
    );
  });
}
