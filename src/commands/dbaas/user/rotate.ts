// exo dbaas user rotate NAME OLD NEW: create NEW, write and verify its credentials files, and only
// then delete OLD. Run again after an interruption, it continues where it stopped.
import { ApiError, NotFoundError } from "../../../api/errors.js";
import { createKafkaUser, deleteKafkaUser } from "../../../api/dbaas.js";
import { clientFilePlace } from "../../../kafka/clients/entries.js";
import { oldClientFiles } from "../../../kafka/clients/old-files.js";
import { credentialsFiles, describeStep, rotateUser, type OldFiles, type RotationApi, type RotationStep } from "../../../kafka/credentials/index.js";
import { UsageError } from "../../../errors.js";
import { annotations } from "../../../kafka/views/spec.js";
import { userRotateOutput, userRotateView } from "../../../kafka/views/user-rotate.js";
import { validateNewUsername, validateUsername } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import { defineCommand, flag, zoneFlag } from "../../define.js";
import { clientFileDisplays, clientFileEntries, clientFlags, parseClientRequest } from "../shared/client-files.js";
import { fetchUserCredentials } from "../shared/user-credentials.js";
import { fileSetSteps } from "../shared/file-set-steps.js";
import { renderFirst } from "../shared/render-first.js";
import { awaitOperation, parseWaitTimeout, waitTimeoutFlag } from "../shared/async-operation.js";
import { fetchKafkaService } from "./common.js";
import { checkBeforeCreating } from "./rotate-checks.js";

export default defineCommand({
  description: `This command replaces user OLD by a new user NEW without a moment where
clients lack valid credentials: it creates NEW, writes NEW's CA, certificate
and key files (mode 0600) and checks them, and only then deletes OLD, then
OLD's certificate and key files in the same directory (when they hold OLD's
credentials; --keep-old-files keeps them). Files change as whole sets: on any
failure or interruption the old ones stay. Interrupted or run again, it picks
up where it stopped: an existing NEW is kept, files already holding NEW's
credentials are kept, and an OLD already deleted is not deleted again.
--client and --auth write NEW's client configurations too, as \`credentials
download\` does, in the same set as NEW's PEM files; OLD's configuration files
of those kinds (never the shared truststore.p12) are then deleted with OLD's
certificate and key, each when it is one this command wrote for OLD.

Before creating NEW it checks what it can, so that a refusal leaves no new
user behind: SASL enabled for --auth sasl, the directory writable, the client
configurations able to hold the paths, and no file in the way of NEW's.
-f/--force, as for credentials download, overwrites files in the way; the
command asks no question (deleting OLD is what it is run for).

Supported output template annotations:
  ${annotations(userRotateView)}`,
  args: { name: "service", old: "user", new: "new user" },
  changeCheck: (args, _opts, zone) => ["exo", "dbaas", "user", "list", args.name, "-z", zone],
  singleUse: ["old"],
  options: {
    dir: flag.string("dir", { names: "directory", description: "directory for NEW's credentials files (default: the current directory)" }),
    force: flag.bool("force", { short: "f", description: "overwrite existing files that do not hold NEW's current credentials" }),
    keepOldFiles: flag.bool("keep-old-files", { description: "keep OLD's certificate, key and client configuration files" }),
    ...clientFlags,
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
    const newUsername = validateNewUsername(args.new);
    const timeoutMs = parseWaitTimeout(opts.waitTimeout);
    if (opts.dir === "") throw new UsageError("--dir must not be empty");
    const clients = parseClientRequest(opts, ctx.flagsSet);
    const files = credentialsFiles(ctx.io.cwd, newUsername, { dir: opts.dir });
    const place = { cwd: ctx.io.cwd, dir: opts.dir, username: newUsername };
    const oldFiles = opts.keepOldFiles ? undefined : oldFilesOf(ctx.io.cwd, opts.dir, oldUsername, clients?.kinds ?? []);

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
        await awaitOperation(ctx, client, op, `Creating DBaaS user ${goQuote(username)}`, timeoutMs, ["dbaas", "user", "show", name, username, "-z", zone]);
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
        await awaitOperation(ctx, client, op, `Deleting DBaaS user ${goQuote(username)}`, timeoutMs, ["dbaas", "user", "list", name, "-z", zone]);
        return "deleted";
      },
    };

    const output = (steps: RotationStep[]) =>
      userRotateOutput({ service: name, oldUsername, newUsername, steps: steps.map(describeStep), files });
    const { steps } = await rotateUser(api, {
      oldUsername,
      newUsername,
      files,
      overwrite: opts.force,
      extra: clients && {
        planned: clientFileDisplays(place, clients),
        make: (credentials) => clientFileEntries({ ...place, client, name, zone }, clients, files, credentials),
      },
      oldFiles,
      fileSet: fileSetSteps(ctx.io),
      beforeChanges: (newExists) => checkBeforeCreating({ ...place, client, name, zone, files, clients, force: opts.force }, newExists),
      // a template failing on these steps fails before anything changes
      onPlan: async (planned) => void (await renderFirst(ctx, output(planned))),
    });
    return output(steps);
  },
});

/** OLD's certificate and key in `dir`, and its configuration files of the client kinds asked for. */
function oldFilesOf(cwd: string, dir: string | undefined, username: string, kinds: Parameters<typeof oldClientFiles>[0]): OldFiles {
  const pems = credentialsFiles(cwd, username, { dir });
  const place = (name: string) => {
    const { path, display } = clientFilePlace(cwd, dir, name);
    return { absolute: path, display };
  };
  return { cert: pems.cert, key: pems.key, others: oldClientFiles(kinds, username, place, pems.cert.absolute) };
}
