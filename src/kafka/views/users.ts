// `exo dbaas user list|show|reveal-secrets` for a Kafka service.

import type { KafkaService, KafkaUserSecrets } from "../../api/schemas.js";
import { GoNil } from "../../templates/values.js";
import type { ListOutput, ObjectOutput } from "../../output/model.js";
import { goTime, ptr } from "./go.js";
import { sliceOutput, structOutput, structWithPartOutput } from "./outputs.js";
import { defineView, fieldsOf, goStruct } from "./spec.js";

export type KafkaUser = NonNullable<KafkaService["users"]>[number];

const user = fieldsOf<KafkaUser>();
const username = user({ go: "Username", json: "username", omitempty: true, label: "Username", from: (u) => u.username ?? "" });
const type = user({ go: "Type", json: "type", omitempty: true, label: "Type", from: (u) => u.type ?? "" });

export const userListItemView = defineView("dbaas.dbaasUsersListItemOutput", [username, type]);

export const userShowView = defineView("*dbaas.dbaasUserShowOutput", [
  username,
  type,
  user({ go: "MySQL", json: "mysql", omitempty: true, from: () => new GoNil("*dbaas.dbaasMysqlUserShowOutput") }),
  user({ go: "PG", json: "pg", omitempty: true, from: () => new GoNil("*dbaas.dbaasPGUserShowOutput") }),
]);

const secret = fieldsOf<KafkaUserSecrets>();
export const userRevealKafkaView = defineView(
  "dbaas.dbaasKafkaUserRevealOutput",
  [
    secret({ go: "AccessKey", json: "access-key", omitempty: true, label: "Access Key", from: (s) => s["access-key"] ?? "" }),
    secret({ go: "AccessCert", json: "access-cert", omitempty: true, label: "Access Cert", from: (s) => s["access-cert"] ?? "" }),
    secret({ go: "AccessCertExpiry", json: "access-cert-expiry", omitempty: true, label: "Access Cert Expiry", from: (s) => goTime(s["access-cert-expiry"]) }),
  ],
  { tableOrder: ["AccessCert", "AccessKey", "AccessCertExpiry"] },
);

/** exo fills only the password and the Kafka part from the reveal endpoint. */
export const userRevealView = defineView("*dbaas.dbaasUserRevealOutput", [
  secret({ go: "Username", json: "username", omitempty: true, from: () => "" }),
  secret({ go: "Type", json: "type", omitempty: true, from: () => "" }),
  secret({ go: "Password", json: "password", omitempty: true, label: "Password", from: (s) => s.password ?? "" }),
  secret({
    go: "Kafka",
    json: "kafka",
    omitempty: true,
    from: (s) => ptr(goStruct(userRevealKafkaView, s), "dbaas.dbaasKafkaUserRevealOutput"),
    annotate: { view: userRevealKafkaView },
  }),
]);

/** `user list NAME`: users of `GET /dbaas-kafka/NAME`, in API order. */
export function userListOutput(service: Pick<KafkaService, "users">): ListOutput {
  return sliceOutput(userListItemView, service.users ?? []);
}

/** The user named `username` in a service response, if any (exo: `user "U" not found for service "N"`). */
export function findServiceUser(service: Pick<KafkaService, "users">, username: string): KafkaUser | undefined {
  return service.users?.find((u) => (u.username ?? "") === username);
}

/** `user show NAME USERNAME` (also printed after `user create` and `reset-credentials`). */
export function userShowOutput(user: KafkaUser): ObjectOutput {
  return structOutput(userShowView, user, "Service User");
}

/** `user reveal-secrets NAME USERNAME` from `GET /dbaas-kafka/NAME/user/USERNAME/password/reveal`. */
export function userRevealOutput(secrets: KafkaUserSecrets): ObjectOutput {
  return structWithPartOutput(userRevealView, secrets, "Secrets", userRevealKafkaView, secrets);
}
