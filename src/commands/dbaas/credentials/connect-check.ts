// `credentials check NAME --connect`: the downloaded CA (and, for certificate authentication, the user's
// certificate and key; for SASL, the user's password as the API reveals it) tried against every bootstrap
// address of the service for that authentication.
import { promises as fs } from "node:fs";
import type { ApiClient } from "../../../api/client.js";
import { revealKafkaUserSecrets } from "../../../api/dbaas.js";
import type { KafkaService } from "../../../api/schemas.js";
import { CliError, ExitCode } from "../../../errors.js";
import { bootstrapAddresses, type ClientAuth } from "../../../kafka/clients/bootstrap.js";
import { checkAddresses, describeReport } from "../../../kafka/connect-check/index.js";
import { credentialsFiles, parseCertificate, sameCertificate, type CredentialsFile } from "../../../kafka/credentials/index.js";
import { findServiceUser } from "../../../kafka/views/index.js";
import { connectCheckOutput } from "../../../kafka/views/credentials-connect.js";
import { goQuote } from "../../../kafka/validation/index.js";
import { failedOutput, type PartialOutput } from "../../define.js";
import type { ObjectOutput } from "../../../output/model.js";
import { fetchKafkaService } from "../shared/service.js";

const STEP_TIMEOUT_MS = 5_000;

/** A downloaded credentials file, or an error naming it and the command that writes it. */
export async function readLocal(file: CredentialsFile, name: string, username: string): Promise<string> {
  try {
    return await fs.readFile(file.absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new CliError(`cannot read ${file.display} (${code}): write it with exo dbaas credentials download ${name} --user ${username}`);
  }
}

export interface ConnectCheckRequest {
  client: ApiClient;
  name: string;
  zone: string;
  username: string;
  auth: ClientAuth;
  cwd: string;
  dir?: string;
}

/** Why the local certificate is not the user's current one, or undefined when it is. */
async function staleCertificate(req: ConnectCheckRequest, service: KafkaService, file: CredentialsFile, localPem: string): Promise<string | undefined> {
  const user = findServiceUser(service, req.username);
  if (!user) return `the certificate in ${file.display} belongs to user ${goQuote(req.username)}, which no longer exists on service ${goQuote(req.name)}`;
  const current = user["access-cert"] || (await revealKafkaUserSecrets(req.client, req.name, req.username))["access-cert"] || "";
  const local = parseCertificate(localPem, file.display);
  if (current !== "" && sameCertificate(local, parseCertificate(current, `the certificate of user ${goQuote(req.username)}`))) return undefined;
  return `the certificate in ${file.display} is not user ${goQuote(req.username)}'s current certificate (credentials reset or rotated): download it again`;
}

/** One line per address; when one fails, the lines go to stderr and the command exits with code 5. */
export async function connectCheck(req: ConnectCheckRequest): Promise<ObjectOutput | PartialOutput> {
  const files = credentialsFiles(req.cwd, req.username, { dir: req.dir });
  const ca = await readLocal(files.ca, req.name, req.username);
  const [cert, key] =
    req.auth === "certificate" ? await Promise.all([readLocal(files.cert, req.name, req.username), readLocal(files.key, req.name, req.username)]) : [];
  const service = await fetchKafkaService(req.client, req.name, req.zone);
  const addresses = bootstrapAddresses(service, req.name, req.auth);
  let certificateProblem: string | undefined;
  let sasl: { username: string; password: string } | undefined;
  if (cert !== undefined) certificateProblem = await staleCertificate(req, service, files.cert, cert);
  else if (!findServiceUser(service, req.username)) certificateProblem = `user ${goQuote(req.username)} no longer exists on service ${goQuote(req.name)}`;
  else sasl = { username: req.username, password: (await revealKafkaUserSecrets(req.client, req.name, req.username)).password ?? "" };

  const reports = await checkAddresses({ addresses, ca, cert, key, sasl, timeoutMs: STEP_TIMEOUT_MS, certificateProblem });
  const lines = reports.map(describeReport);
  const failed = reports.filter((r) => !r.result.ok).length;
  if (failed > 0) return failedOutput(lines, `${failed} of ${reports.length} bootstrap addresses failed`, ExitCode.CONNECTION_FAILED);
  return connectCheckOutput({ username: req.username, auth: req.auth, addresses: lines });
}
