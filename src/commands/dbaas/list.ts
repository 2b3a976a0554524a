// exo dbaas list [-z ZONE]: the Database Services of every zone, or of one.
//
// With real per-zone endpoints each zone is asked concurrently, each request bounded by the
// global --timeout; rows come in the order zones answer, as exo streams them. With one endpoint
// serving every zone (an endpoint override such as the emulator) it is asked once and each
// service's `zone` field says where it belongs; a service without one belongs to the zone asked
// for (as `show` finds it), or to the default zone when listing every zone.
import { listServices } from "../../api/dbaas.js";
import { ApiError } from "../../api/errors.js";
import type { ServiceCommon } from "../../api/schemas.js";
import { v2Override } from "../../config/endpoint.js";
import type { CommandContext } from "../../context.js";
import { withListSpinner } from "../../output/list-spinner.js";
import { serviceListItem, serviceListOutput, serviceListItemView, type ServiceListRow } from "../../kafka/views/index.js";
import { annotations } from "../../kafka/views/spec.js";
import { defineCommand, partialOutput, zoneFlag } from "../define.js";

interface ZoneFailure {
  zone: string;
  endpoint: string;
  error: unknown;
}

/** exo's per-zone warning, the zone struct printed as Go's `{APIEndpoint Name SOSEndpoint}`. */
function zoneWarning({ zone, endpoint, error }: ZoneFailure): string {
  const reason = error instanceof ApiError ? `http response: ${error.message}` : error instanceof Error ? error.message : String(error);
  return `warning: zone ${zone}: unable to list Database Services in zone {${endpoint} ${zone} https://sos-${zone}.exo.io}: ListDBAASServices: ${reason}\n`;
}

/** Services of the shared endpoint; those without a `zone` belong to `fallbackZone`. */
function sharedRows(services: readonly ServiceCommon[], zone: string | undefined, fallbackZone: string): ServiceListRow[] {
  const rows = services
    .map((s): [ServiceCommon, string] => [s, s.zone ?? fallbackZone])
    .filter(([, z]) => zone === undefined || z === zone);
  // grouped by zone, zones in order of first appearance, API order within a zone
  const zones = [...new Set(rows.map(([, z]) => z))];
  return zones.flatMap((z) => rows.filter(([, sz]) => sz === z).map(([s]) => serviceListItem(s, z)));
}

/** One request for every zone. An unknown zone is an error; a failed request is that zone's failure. */
async function listShared(ctx: CommandContext, zone: string | undefined, failures: ZoneFailure[]): Promise<ServiceListRow[]> {
  const fallbackZone = zone ?? (await ctx.zone());
  const client = await ctx.client(fallbackZone, { deadlineMs: ctx.globals.timeoutMs });
  try {
    return sharedRows(await listServices(client), zone, fallbackZone);
  } catch (error) {
    if (zone === undefined) throw error;
    failures.push({ zone, endpoint: client.endpoint, error });
    return [];
  }
}

/** Each zone on its own endpoint, concurrently; rows in the order zones answer. */
async function listPerZone(ctx: CommandContext, zones: readonly string[], failures: ZoneFailure[]): Promise<ServiceListRow[]> {
  const clients = await Promise.all(zones.map((zone) => ctx.client(zone, { deadlineMs: ctx.globals.timeoutMs })));
  const rows: ServiceListRow[] = [];
  await Promise.all(
    zones.map(async (zone, i) => {
      const client = clients[i]!;
      try {
        const services = await listServices(client);
        rows.push(...services.map((s) => serviceListItem(s, zone)));
      } catch (error) {
        failures.push({ zone, endpoint: client.endpoint, error });
      }
    }),
  );
  return rows;
}

export default defineCommand({
  description: `This command lists Database Services.

Supported output template annotations: ${annotations(serviceListItemView)}`,
  options: { zone: zoneFlag("zone to filter results to") },
  helpFooter: `
Examples:
  exo dbaas list
  exo dbaas list -z de-muc-1
  exo dbaas list -O json
  exo dbaas list --output-template '{{.Name}} {{.Zone}}'
`,
  async run(ctx, _args, opts) {
    const zone = opts.zone || undefined;
    const failures: ZoneFailure[] = [];
    const shared = v2Override((await ctx.account()).endpoint);
    const rows = await withListSpinner(ctx, async () =>
      shared ? listShared(ctx, zone, failures) : listPerZone(ctx, zone ? [zone] : await ctx.listZones(), failures),
    );

    const output = serviceListOutput(rows);
    if (failures.length === 0) return output;
    return partialOutput(output, failures.map(zoneWarning), `${failures.length} zone(s) failed`);
  },
});
