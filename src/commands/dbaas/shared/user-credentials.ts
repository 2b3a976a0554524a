// Where a user's client credentials come from: the CA from GET /dbaas-ca-certificate, the user's
// certificate and key from the service's users[] (or the reveal endpoint when users[] lacks them).
import type { ApiClient } from "../../../api/client.js";
import { getCaCertificate, revealKafkaUserSecrets } from "../../../api/dbaas.js";
import { CliError } from "../../../errors.js";
import type { CredentialsPem } from "../../../kafka/credentials/index.js";
import { goQuote } from "../../../go/quote.js";
import { requireUser } from "./service-user.js";
import { fetchKafkaService } from "./service.js";
import { allInOrder } from "./settle.js";

export const DEFAULT_USER = "avnadmin";

export async function fetchUserCredentials(client: ApiClient, name: string, zone: string, username: string): Promise<CredentialsPem> {
  const [service, ca] = await allInOrder([fetchKafkaService(client, name, zone), getCaCertificate(client)]);
  const user = requireUser(service, name, username);
  let cert = typeof user["access-cert"] === "string" ? user["access-cert"] : "";
  let key = typeof user["access-key"] === "string" ? user["access-key"] : "";
  if (cert === "" || key === "") {
    const secrets = await revealKafkaUserSecrets(client, name, username);
    cert = secrets["access-cert"] ?? "";
    key = secrets["access-key"] ?? "";
  }
  if (cert === "") throw new CliError(`user ${goQuote(username)} of service ${goQuote(name)} has no client certificate`);
  return { ca: ca.certificate, cert, key };
}

/** The user's certificate alone (no CA, no key needed). */
export async function fetchUserCertificate(client: ApiClient, name: string, zone: string, username: string): Promise<string> {
  const user = requireUser(await fetchKafkaService(client, name, zone), name, username);
  const cert = typeof user["access-cert"] === "string" ? user["access-cert"] : (await revealKafkaUserSecrets(client, name, username))["access-cert"];
  if (!cert) throw new CliError(`user ${goQuote(username)} of service ${goQuote(name)} has no client certificate`);
  return cert;
}
