// `credentials check NAME --connect`: the downloaded CA (and, for certificate authentication, the user's
// certificate and key; for SASL, the password of each client configuration in --dir, or the API's without
// --dir) tried against every bootstrap address of the service for that authentication.
import type { ApiClient } from "../../../api/client.js";
import { revealKafkaUserSecrets } from "../../../api/dbaas.js";
import type { KafkaService } from "../../../api/schemas.js";
import { CliError, ExitCode } from "../../../errors.js";
import { bootstrapAddresses, type ClientAuth } from "../../../kafka/clients/bootstrap.js";
import { checkAddresses, describeReport, type ConnectCheckInput } from "../../../kafka/connect-check/index.js";
import { saslPasswordsIn, staleCertificateConfigs } from "../../../kafka/clients/configs-in-dir.js";
import { credentialsFiles, parseCertificate, sameCertificate, type CredentialsFile } from "../../../kafka/credentials/index.js";
import { findServiceUser } from "../../../kafka/views/index.js";
import { connectCheckOutput } from "../../../kafka/views/credentials-connect.js";
import { goQuote } from "../../../go/quote.js";
import { failedOutput, type PartialOutput } from "../../define.js";
import type { ObjectOutput } from "../../../output/model.js";
import { fetchKafkaService } from "../shared/service.js";
import { downloadCommand, readLocal } from "./read-local.js";

const STEP_TIMEOUT_MS = 5_000;

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
async function staleCertificate(req: ConnectCheckRequest, service: KafkaService, file: CredentialsFile, localPem: string, keyPem: string): Promise<string | undefined> {
  const user = findServiceUser(service, req.username);
  if (!user) return `the certificate in ${file.display} belongs to user ${goQuote(req.username)}, which no longer exists on service ${goQuote(req.name)}`;
  const currentPem = user["access-cert"] || (await revealKafkaUserSecrets(req.client, req.name, req.username))["access-cert"] || "";
  const current = currentPem === "" ? undefined : parseCertificate(currentPem, `the certificate of user ${goQuote(req.username)}`);
  if (!current || !sameCertificate(parseCertificate(localPem, file.display), current)) {
    return `the certificate in ${file.display} is not user ${goQuote(req.username)}'s current certificate (credentials reset or rotated): download it again with ${downloadCommand(req, ["--force"])}`;
  }
  if (req.dir === undefined) return undefined;
  const stale = await staleCertificateConfigs({ cwd: req.cwd, dir: req.dir, username: req.username }, current, keyPem);
  if (stale.length === 0) return undefined;
  const kinds = stale.map((c) => c.kind).join(",");
  return `${stale.map((c) => c.display).join(", ")} would not give a client user ${goQuote(req.username)}'s current certificate and key: write ${stale.length > 1 ? "them" : "it"} again with ${downloadCommand(req, ["--client", kinds, "--force"])}`;
}

/** A password to log in with, and where it comes from. */
interface SaslLogin {
  password: string;
  source: string;
  /** why it is not the user's current password (files not rewritten since a reset) */
  problem?: string;
}

/**
 * With --dir: each distinct password of the user's SASL configurations there, the files holding it named,
 * and a password that is not the API's named stale. Without --dir, or with no configuration there: the API's.
 */
async function saslLogins(req: ConnectCheckRequest): Promise<SaslLogin[]> {
  const current = (await revealKafkaUserSecrets(req.client, req.name, req.username)).password ?? "";
  if (req.dir === undefined) return [{ password: current, source: "the API's password (--dir checks the client files' instead)" }];
  const files = await saslPasswordsIn({ cwd: req.cwd, dir: req.dir, username: req.username });
  if (files.length === 0) return [{ password: current, source: `the API's password (no SASL client configuration in ${req.dir})` }];
  const passwords = [...new Set(files.map((f) => f.password))];
  return passwords.map((password) => {
    const holding = files.filter((f) => f.password === password);
    const names = holding.map((f) => f.display).join(", ");
    const kinds = holding.map((f) => f.kind).join(",");
    return {
      password,
      source: `the password in ${names}`,
      problem:
        password === current
          ? undefined
          : `the password in ${names} is not user ${goQuote(req.username)}'s current password (credentials reset): write it again with ${downloadCommand(req, ["--client", kinds, "--auth", "sasl", "--force"])}`,
    };
  });
}

/** One line per address (per password); when one fails, the lines go to stderr and the command exits with code 5. */
export async function connectCheck(req: ConnectCheckRequest): Promise<ObjectOutput | PartialOutput> {
  const files = credentialsFiles(req.cwd, req.username, { dir: req.dir });
  const ca = await readLocal(files.ca, req);
  const [cert, key] = req.auth === "certificate" ? await Promise.all([readLocal(files.cert, req), readLocal(files.key, req)]) : [];
  const service = await fetchKafkaService(req.client, req.name, req.zone);
  const addresses = bootstrapAddresses(service, req.name, req.zone, req.auth);
  const probes: Omit<ConnectCheckInput, "addresses" | "ca" | "timeoutMs">[] = [];
  if (cert !== undefined) probes.push({ cert, key, certificateProblem: await staleCertificate(req, service, files.cert, cert, key!) });
  else if (!findServiceUser(service, req.username)) probes.push({ certificateProblem: `user ${goQuote(req.username)} no longer exists on service ${goQuote(req.name)}` });
  else for (const login of await saslLogins(req)) probes.push({ sasl: { username: req.username, ...login }, certificateProblem: login.problem });

  const reports = (await Promise.all(probes.map((p) => checkAddresses({ ...p, addresses, ca, timeoutMs: STEP_TIMEOUT_MS })))).flat();
  const lines = reports.map(describeReport);
  const failed = reports.filter((r) => !r.result.ok).length;
  if (failed > 0) return failedOutput(lines, `${failed} of ${reports.length} ${probes.length > 1 ? "checks" : "bootstrap addresses"} failed`, ExitCode.CONNECTION_FAILED);
  return connectCheckOutput({ username: req.username, auth: req.auth, addresses: lines });
}
