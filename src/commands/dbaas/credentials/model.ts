// Output of `credentials download` (and the files part of `user rotate`): the three paths, then the client
// configuration files when some were asked for. Templates see .CA .Cert .Key (and .Files, every path, with
// --client); JSON is {"ca":...,"cert":...,"key":...(,"files":[...])}; the table form is one path per line.
import type { CredentialsFiles } from "../../../kafka/credentials/index.js";
import { field, struct } from "../../../kafka/models/go.js";
import { objectOutput, type ObjectOutput } from "../../../output/model.js";

export function credentialsFilesOutput(files: CredentialsFiles, clientFiles?: string[]): ObjectOutput {
  const all = [files.ca.display, files.cert.display, files.key.display, ...(clientFiles ?? [])];
  const value = struct("*dbaas.dbaasKafkaCredentialsFilesOutput", [
    field("CA", files.ca.display, "ca"),
    field("Cert", files.cert.display, "cert"),
    field("Key", files.key.display, "key"),
    ...(clientFiles ? [field("Files", all, "files")] : []),
  ]);
  return objectOutput(value, () => all.map((path) => `${path}\n`).join(""));
}
