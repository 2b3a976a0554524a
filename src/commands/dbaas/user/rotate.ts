// exo dbaas user rotate NAME OLD NEW: create NEW, write and verify its credentials files, and only
// then delete OLD. Run again after an interruption, it continues where it stopped.
import { ApiError, NotFoundError } from "../../../api/errors.js";
import { createKafkaUser, deleteKafkaUser } from "../../../api/dbaas.js";
import { credentialsFiles, describeStep, rotateUser, type RotationApi, type RotationStep } from "../../../kafka/credentials/index.js";
import { UsageError } from "../../../errors.js";
import { field, struct } from "../../../kafka/models/go.js";
import { goQuote, validateUsername } from "../../../kafka/validation/index.js";
import { objectOutput } from "../../../output/model.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { fetchUserCredentials } from "../shared/user-credentials.js";
import { fileSetSteps } from "../shared/file-set-steps.js";
import { renderFirst } from "../shared/render-first.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { fetchKafkaService } from "./common.js";

export default defineCommand({
  description: `This command replaces user OLD by a new user NEW without a moment where
clients lack valid credentials: it creates NEW, writes NEW's CA, certificate
and key files (mode 0600) and checks them, and only then deletes OLD, then
OLD's certificate and key files in the same directory (when they hold OLD's
credentials; --keep-old-files keeps them). Files change as whole sets: on any
failure or interruption the old ones stay. Interrupted or run again, it picks
up where it stopped: an existing NEW is kept, files already holding NEW's
credentials are kept, and an OLD already deleted is not deleted again.

Supported output template annotations:
  .Service .OldUsername .NewUsername .Steps .CA .Cert .Key`,
  args: ["name", "old", "new"],
  options: {
    dir: flag.string("dir", { description: "directory for NEW's credentials files (default: the current directory)" }),
    force: flag.bool("force", { description: "overwrite existing files that do not hold NEW's current credentials" }),
    keepOldFiles: flag.bool("keep-old-files", { description: "keep OLD's certificate and key files" }),
    zone: zoneFlag("Database Service zone"),
    waitTimeout: waitTimeoutFlag(),
  },
  helpFooter: `
Examples:
  exo dbaas user rotate test-kafka app-v1 app-v2 -z de-muc-1 --dir certs
`,
  templated: true,
  async run(ctx, args, opts) {
    const oldUsername = validateUsername(args.old);
    const newUsername = validateUsername(args.new);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);
    if (opts.dir === "") throw new UsageError("--dir must not be empty");
    const files = credentialsFiles(ctx.io.cwd, newUsername, { dir: opts.dir });
    const oldFiles = opts.keepOldFiles ? undefined : credentialsFiles(ctx.io.cwd, oldUsername, { dir: opts.dir });

    const zone = await ctx.zone(opts.zone);
    const client = await ctx.client(zone);
    const name = args.name;
    const api: RotationApi = {
      async listUsers() {
        const service = await fetchKafkaService(client, name, zone);
        return (service.users ?? []).map((u) => ({ username: u.username ?? "", type: u.type }));
      },
      async createUser(username) {
        let op;
        try {
          op = await createKafkaUser(client, name, username);
        } catch (error) {
          // created meanwhile (or by a request whose answer was lost): carry on with it
          if (error instanceof ApiError && error.status === 409) return;
          throw error;
        }
        await awaitOperation(ctx, client, op, `Creating DBaaS user ${goQuote(username)}`, timeoutMs, `exo dbaas user show ${name} ${username} -z ${zone}`);
      },
      fetchCredentials: (username) => fetchUserCredentials(client, name, zone, username),
      async deleteUser(username) {
        let op;
        try {
          op = await deleteKafkaUser(client, name, username);
        } catch (error) {
          if (error instanceof NotFoundError) return "absent";
          throw error;
        }
        await awaitOperation(ctx, client, op, `Deleting DBaaS user ${goQuote(username)}`, timeoutMs, `exo dbaas user list ${name} -z ${zone}`);
        return "deleted";
      },
    };

    const output = (steps: RotationStep[]) => {
      const lines = steps.map(describeStep);
      const value = struct("*dbaas.dbaasKafkaUserRotateOutput", [
        field("Service", name, "service"),
        field("OldUsername", oldUsername, "old_username"),
        field("NewUsername", newUsername, "new_username"),
        field("Steps", lines, "steps"),
        field("CA", files.ca.display, "ca"),
        field("Cert", files.cert.display, "cert"),
        field("Key", files.key.display, "key"),
      ]);
      return objectOutput(value, () => lines.map((l) => `${l}\n`).join(""));
    };
    const { steps } = await rotateUser(api, {
      oldUsername,
      newUsername,
      files,
      overwrite: opts.force,
      oldFiles,
      fileSet: fileSetSteps(ctx.io),
      // a template failing on these steps fails before anything changes
      onPlan: async (planned) => void (await renderFirst(ctx, output(planned))),
    });
    return output(steps);
  },
});
