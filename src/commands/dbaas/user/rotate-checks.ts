// What `user rotate` checks before it creates NEW, so that a refusal leaves no new user behind: the client
// configurations can be made (SASL enabled, paths a client can read), and NEW's files can be written (each
// destination usable, its directory writable, and without --force nothing in the way).
import type { ApiClient } from "../../../api/client.js";
import { getCaCertificate } from "../../../api/dbaas.js";
import { clientFileNames, clientFilePlace, TRUST_STORE_FILE, trustStoreFor } from "../../../kafka/clients/entries.js";
import { checkWritable, holdsCa, type CredentialsFiles, type PlannedFile } from "../../../kafka/credentials/index.js";
import { checkClientFiles, type ClientFilesPlace, type ClientRequest } from "../shared/client-files.js";

export interface RotationTarget extends ClientFilesPlace {
  client: ApiClient;
  name: string;
  zone: string;
  /** NEW's PEM files */
  files: CredentialsFiles;
  clients?: ClientRequest;
  force: boolean;
}

/**
 * Throws what would make the rotation fail once NEW exists. When NEW exists already (a rotation run
 * again), files holding its credentials are kept later, so only whether they can be written is checked.
 */
export async function checkBeforeCreating(target: RotationTarget, newExists: boolean): Promise<void> {
  if (target.clients) await checkClientFiles(target, target.clients, target.files);
  const lenient = target.force || newExists;
  // asked for only when a file is there to compare with
  let ca: Promise<string> | undefined;
  const caPem = () => (ca ??= getCaCertificate(target.client).then((answer) => answer.certificate));
  const { cert, key } = target.files;
  const planned: PlannedFile[] = [
    { path: target.files.ca.absolute, display: target.files.ca.display, holdsWanted: async (bytes) => holdsCa(bytes.toString("utf8"), await caPem()) },
    { path: cert.absolute, display: cert.display },
    { path: key.absolute, display: key.display },
    ...(target.clients ? clientFileNames(target.clients.kinds, target.clients.auth, target.username) : []).map((name): PlannedFile => {
      const place = clientFilePlace(target.cwd, target.dir, name);
      // the trust store is every user's in the directory: the same CA gives the same bytes
      const holdsWanted = name === TRUST_STORE_FILE ? async (bytes: Buffer) => bytes.equals(trustStoreFor(await caPem())) : undefined;
      return { path: place.path, display: place.display, holdsWanted };
    }),
  ];
  await checkWritable(planned, lenient);
}
