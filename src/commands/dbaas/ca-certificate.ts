// exo dbaas ca-certificate: the PEM exactly as the API returns it, whatever -O says.
import { getCaCertificate } from "../../api/dbaas.js";
import { defineCommand, zoneFlag } from "../define.js";

export default defineCommand({
  options: { zone: zoneFlag() },
  helpFooter: `
Examples:
  exo dbaas ca-certificate > ca.pem
`,
  async run(ctx, _args, opts) {
    const client = await ctx.client(await ctx.zone(opts.zone));
    const { certificate } = await getCaCertificate(client);
    return certificate;
  },
});
