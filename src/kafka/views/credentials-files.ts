// Output of `credentials download` (and the files part of `user rotate`): the three paths.
// Templates see .CA .Cert .Key; JSON is {"ca":...,"cert":...,"key":...}; the table form is one path per line.
import type { CredentialsFiles } from "../credentials/index.js";
import { field, struct } from "./go.js";
import { objectOutput, type ObjectOutput } from "../../output/model.js";

export function credentialsFilesOutput(files: CredentialsFiles): ObjectOutput {
  const value = struct("*dbaas.dbaasKafkaCredentialsFilesOutput", [
    field("CA", files.ca.display, "ca"),
    field("Cert", files.cert.display, "cert"),
    field("Key", files.key.display, "key"),
  ]);
  return objectOutput(value, () => `${files.ca.display}\n${files.cert.display}\n${files.key.display}\n`);
}
