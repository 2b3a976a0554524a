// `credentials check --connect`: every bootstrap address probed at once, one line each.
import { formatAddress, type BootstrapAddress } from "../clients/bootstrap.js";
import { probeAddress, type ProbeResult } from "./probe.js";

export { probeAddress, type ProbeResult, type ProbeStep } from "./probe.js";

export interface AddressReport {
  address: string;
  result: ProbeResult;
}

export interface ConnectCheckInput {
  addresses: BootstrapAddress[];
  ca: string;
  cert?: string;
  key?: string;
  sasl?: { username: string; password: string; /** where the password comes from, as the lines say */ source: string };
  timeoutMs: number;
  /**
   * Why the credentials, though the broker may take them, are not the user's current ones (user deleted,
   * credentials reset); reported on every address that otherwise works, and after a refused SASL login.
   */
  certificateProblem?: string;
}

export async function checkAddresses(input: ConnectCheckInput): Promise<AddressReport[]> {
  return Promise.all(
    input.addresses.map(async (a): Promise<AddressReport> => {
      let result = await probeAddress({ host: a.host, port: a.port, ca: input.ca, cert: input.cert, key: input.key, sasl: input.sasl, timeoutMs: input.timeoutMs });
      if (input.sasl && result.ok) result = { ...result, detail: `${result.detail} with ${input.sasl.source}` };
      if (input.sasl && !result.ok && result.step === "sasl") {
        result = { ...result, reason: `${result.reason}${input.certificateProblem ? `: ${input.certificateProblem}` : ` (${input.sasl.source})`}` };
      }
      if (result.ok && input.certificateProblem) result = { ok: false, step: "credentials", reason: `the broker took the connection, but ${input.certificateProblem}` };
      return { address: formatAddress(a), result };
    }),
  );
}

export function describeReport(report: AddressReport): string {
  const { address, result } = report;
  return result.ok ? `${address}: ok (${result.detail})` : `${address}: failed at ${result.step}: ${result.reason}`;
}
