// exo dbaas type list: the Database Service types of the account's default zone.
import { listServiceTypes } from "../../../api/dbaas.js";
import { typeListItemView, typeListOutput } from "../../../kafka/views/index.js";
import { annotations } from "../../../kafka/views/spec.js";
import { defineCommand } from "../../define.js";

export default defineCommand({
  description: `This command lists available Database Service types.

Supported output template annotations: ${annotations(typeListItemView)}`,
  helpFooter: `
Examples:
  exo dbaas type list
  exo dbaas type list -O json
`,
  templated: true,
  async run(ctx) {
    const client = await ctx.client(await ctx.zone());
    return typeListOutput({ "dbaas-service-types": await listServiceTypes(client) });
  },
});
