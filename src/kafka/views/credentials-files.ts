// Output of `credentials download` (and the files part of `user rotate`): the three paths.
// JSON is {"ca":...,"cert":...,"key":...}; the table form is one path per line.
import type { CredentialsFiles } from "../credentials/index.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { defineView, fieldsOf, goStruct } from "./spec.js";

const file = fieldsOf<CredentialsFiles>();
export const credentialsFileFields = [
  file({ go: "CA", json: "ca", from: (f) => f.ca.display }),
  file({ go: "Cert", json: "cert", from: (f) => f.cert.display }),
  file({ go: "Key", json: "key", from: (f) => f.key.display }),
];
export const credentialsFilesView = defineView("*dbaas.dbaasKafkaCredentialsFilesOutput", credentialsFileFields);

export function credentialsFilesOutput(files: CredentialsFiles): ObjectOutput {
  return objectOutput(goStruct(credentialsFilesView, files), () => `${files.ca.display}\n${files.cert.display}\n${files.key.display}\n`);
}
