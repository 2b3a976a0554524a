// Which addresses a client bootstraps from: every `kafka` component of the service announced for the
// chosen authentication method (the certificate listener and the SASL listener have their own ports).
import type { KafkaService } from "../../api/schemas.js";
import { CredentialsError } from "../credentials/pem.js";
import { goQuote } from "../../go/quote.js";
import { InputError } from "../validation/errors.js";
import { shellCommand } from "../../output/shell-word.js";

export type ClientAuth = "certificate" | "sasl";
export const CLIENT_AUTHS: readonly ClientAuth[] = ["certificate", "sasl"];

export function parseClientAuth(value: string): ClientAuth {
  if (!(CLIENT_AUTHS as readonly string[]).includes(value)) throw new InputError(`invalid --auth ${JSON.stringify(value)}: expected certificate or sasl`);
  return value as ClientAuth;
}

export interface BootstrapAddress {
  host: string;
  port: number;
}

/** host:port, with an IPv6 literal in brackets. */
export const formatAddress = (a: BootstrapAddress) => (a.host.includes(":") ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`);

/** a host name (at most 253 characters) or an IP address */
const HOST = /^[A-Za-z0-9.:_-]{1,253}$/;

/**
 * The service's bootstrap addresses for `auth`, in the order the API lists them. A component without an
 * authentication method counts as the certificate listener. SASL is refused unless the service has it enabled.
 */
export function bootstrapAddresses(service: KafkaService, name: string, zone: string, auth: ClientAuth): BootstrapAddress[] {
  if (auth === "sasl" && service["authentication-methods"]?.sasl !== true) {
    throw new CredentialsError(
      `SASL authentication is not enabled on service ${goQuote(name)} (enable it with: ${shellCommand(["exo", "dbaas", "update", name, "-z", zone, "--kafka-enable-sasl-auth", "true"])})`,
    );
  }
  const addresses: BootstrapAddress[] = [];
  for (const c of service.components ?? []) {
    if (c.component !== "kafka" || (c["kafka-authentication-method"] ?? "certificate") !== auth) continue;
    // the host goes into configuration files and shell lines: anything but a host name or address is refused
    const port = Number(c.port);
    if (!HOST.test(c.host) || !Number.isInteger(port) || port < 1 || port > 65535) throw new CredentialsError(`service ${goQuote(name)} announces an invalid Kafka address ${goQuote(`${c.host}:${c.port}`)}`);
    addresses.push({ host: c.host, port });
  }
  if (addresses.length === 0) throw new CredentialsError(`service ${goQuote(name)} announces no Kafka address for ${auth} authentication`);
  return addresses;
}
