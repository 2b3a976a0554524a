// Output of `credentials download` (and the files part of `user rotate`): the three paths, then, with
// --client, the client configuration files. JSON is {"ca":...,"cert":...,"key":...(,"files":[...])};
// the table form is one path per line.
import type { CredentialsFiles } from "../credentials/index.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { defineView, fieldsOf, goStruct, liftField } from "./spec.js";

const file = fieldsOf<CredentialsFiles>();
export const credentialsFileFields = [
  file({ go: "CA", json: "ca", from: (f) => f.ca.display }),
  file({ go: "Cert", json: "cert", from: (f) => f.cert.display }),
  file({ go: "Key", json: "key", from: (f) => f.key.display }),
];
export const credentialsFilesView = defineView("*dbaas.dbaasKafkaCredentialsFilesOutput", credentialsFileFields);

/** The PEM files and the client configuration files written beside them. */
interface FilesWithClients {
  readonly pems: CredentialsFiles;
  readonly all: readonly string[];
}
const withClients = fieldsOf<FilesWithClients>();
/** With --client: the PEMs' fields, then .Files, every path written. */
export const credentialsFilesWithClientsView = defineView("*dbaas.dbaasKafkaCredentialsFilesOutput", [
  ...credentialsFileFields.map((f) => liftField((x: FilesWithClients) => x.pems, f)),
  withClients({ go: "Files", json: "files", from: (f) => [...f.all] }),
]);

export function credentialsFilesOutput(files: CredentialsFiles, clientFiles?: readonly string[]): ObjectOutput {
  const all = [files.ca.display, files.cert.display, files.key.display, ...(clientFiles ?? [])];
  const value = clientFiles ? goStruct(credentialsFilesWithClientsView, { pems: files, all }) : goStruct(credentialsFilesView, files);
  return objectOutput(value, () => all.map((path) => `${path}\n`).join(""));
}
