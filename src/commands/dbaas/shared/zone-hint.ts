// A service not found in the zone the command used, when no -z chose it: the other zones are
// searched for the name (on this error path only) and the error says where it is. The search is a
// courtesy: when it fails, the original error stands as it was.
import { listServices } from "../../../api/dbaas.js";
import { v2Override } from "../../../config/endpoint.js";
import type { CommandContext } from "../../../context.js";
import { CliError, type ServiceNotFoundError } from "../../../errors.js";
import { shellWord } from "../../../output/shell-word.js";

/** The zones other than `zone` holding a service named `name`, in name order. */
async function otherZonesOf(ctx: CommandContext, name: string, zone: string): Promise<string[]> {
  const deadlineMs = ctx.globals.timeoutMs;
  let found: string[];
  if (v2Override((await ctx.account()).endpoint)) {
    // one endpoint serves every zone: one listing, each service saying its zone
    const services = await listServices(await ctx.client(zone, { deadlineMs }));
    found = services.filter((s) => s.name === name && s.zone !== undefined).map((s) => s.zone!);
  } else {
    const zones = (await ctx.listZones()).filter((z) => z !== zone);
    const listed = await Promise.allSettled(zones.map(async (z) => listServices(await ctx.client(z, { deadlineMs }))));
    found = zones.filter((_, i) => {
      const result = listed[i]!;
      return result.status === "fulfilled" && result.value.some((s) => s.name === name);
    });
  }
  return [...new Set(found)].filter((z) => z !== zone).sort();
}

/** `error`, saying which zones hold the service when other zones do. */
export async function withZoneHint(ctx: CommandContext, error: ServiceNotFoundError): Promise<Error> {
  let zones: string[];
  try {
    zones = await otherZonesOf(ctx, error.service, error.zone);
  } catch {
    // interrupted: the interruption, as anywhere else; any other failure: the original error
    if (ctx.io.signal?.aborted) throw ctx.io.signal.reason;
    return error;
  }
  if (zones.length === 0) return error;
  const where = zones.map(shellWord);
  const hint = `${shellWord(error.service)} is in ${where.join(" and ")}: add ${where.map((z) => `-z ${z}`).join(" or ")}`;
  return new CliError(`${error.message}; ${hint}`, error.exitCode);
}
