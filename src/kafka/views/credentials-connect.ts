// Output of `credentials check --connect` when every bootstrap address works: one line per address.
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { defineView, fieldsOf, goStruct } from "./spec.js";

export interface ConnectCheckShown {
  readonly username: string;
  /** "certificate" or "sasl" */
  readonly auth: string;
  /** one line per bootstrap address */
  readonly addresses: readonly string[];
}

const connect = fieldsOf<ConnectCheckShown>();
export const connectCheckView = defineView("*dbaas.dbaasKafkaConnectCheckOutput", [
  connect({ go: "Username", json: "username", from: (c) => c.username }),
  connect({ go: "Auth", json: "auth", from: (c) => c.auth }),
  connect({ go: "Addresses", json: "addresses", from: (c) => [...c.addresses] }),
]);

export function connectCheckOutput(shown: ConnectCheckShown): ObjectOutput {
  return objectOutput(goStruct(connectCheckView, shown), () => shown.addresses.map((l) => `${l}\n`).join(""));
}
