// What a command's run() gets: IO, the global flags, and lazy access to configuration and API
// clients. Nothing here loads configuration or the API modules until a command asks.
import type { ApiClient } from "./api/client.js";
import type { Operation } from "./api/schemas.js";
import type { ResolvedAccount } from "./config/account.js";
import type { IO } from "./io.js";
import { DEFAULT_RETRY_BUDGET_MS } from "./api/retry-budget.js";
import { terminalSafe } from "./output/terminal-text.js";
import { withProgress } from "./progress.js";
import { changeSignal } from "./change-signal.js";
import { CancelledError, CliError } from "./errors.js";

/** exo's three output formats, in the order its help names them. */
export const OUTPUT_FORMATS = ["table", "json", "text"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface GlobalOptions {
  /** -C/--config */
  config?: string;
  /** -A/--use-account */
  useAccount?: string;
  /** -O/--output-format (other values are refused on the command line) */
  outputFormat?: OutputFormat;
  /** --output-template */
  outputTemplate?: string;
  /** -Q/--quiet */
  quiet: boolean;
  /** --timeout / EXOSCALE_TIMEOUT in ms (per-zone list timeout); undefined when disabled (-1s) */
  timeoutMs: number | undefined;
}

export interface ClientSettings {
  /** overall time budget of each request, e.g. the --timeout of list commands */
  deadlineMs?: number;
}

export interface WaitSettings {
  /** 0 waits as long as it takes (exo's behaviour) */
  timeoutMs?: number;
}

export interface CommandContext {
  io: IO;
  globals: GlobalOptions;
  /** long names of the flags given on the command line (cobra's Changed) */
  flagsSet: ReadonlySet<string>;
  /** the resolved account; loads exoscale.toml on first call */
  account(): Promise<ResolvedAccount>;
  /** the zone a command works in: its --zone value, else EXOSCALE_ZONE > account defaultZone > ch-dk-2 */
  zone(flagValue?: string): Promise<string>;
  /** an API client for the zone (one per endpoint, reused); deadlineMs bounds each request, retries included */
  client(zone: string, options?: ClientSettings): Promise<ApiClient>;
  /** the zone names the API knows (GET /zone, unsigned, on the default or override endpoint) */
  listZones(): Promise<string[]>;
  /** -O, else the account's defaultOutputFormat, else table */
  outputFormat(): Promise<OutputFormat>;
  /** a change was sent other than through the API (a Kafka request): an interrupt from now on says so */
  changeSent(): void;
  /** runs a long task with a progress line on stderr (silent with -Q) */
  progress<T>(message: string, task: () => Promise<T>): Promise<T>;
  /** waits for an asynchronous operation on the client's zone */
  waitForOperation(client: ApiClient, op: Operation, settings?: WaitSettings): Promise<Operation>;
  /** asks a yes/no question on stderr and reads the answer from stdin ([yN]: default no) */
  confirm(question: string): Promise<boolean>;
  /**
   * The question of a command declaring `confirms`: asked unless -f/--force was given; a "no" ends
   * the command silently with exit 0.
   */
  confirmChange(question: string): Promise<void>;
  /** refuses here already (not only when the account is first read) a declared confirmation nobody can give */
  requireConfirmable(): void;
  /** the declared command line that shows how the change ended, for the zone it was sent to */
  changeCheck(): readonly string[] | undefined;
}

/** A command's declared confirmation on this line (see ConfirmationRule in src/commands/define.ts). */
export interface Confirmation {
  /** -f/--force was given */
  force: boolean;
  /** the refusal when nobody can answer, where this line asks (undefined: it does not) */
  refusal?: () => string;
}

export interface ContextOptions {
  io: IO;
  globals: GlobalOptions;
  flagsSet?: ReadonlySet<string>;
  /** application version, for the User-Agent */
  version?: string;
  /** the command line that shows the outcome of the change this command sends to a zone (see change-signal.ts) */
  changeCheck?: (zone: string) => readonly string[];
  confirmation?: Confirmation;
}

export function createContext(options: ContextOptions): CommandContext {
  const { globals } = options;
  // the command's requests, waits and file writes follow this signal, which knows whether a change was sent
  const change = changeSignal(options.io.signal, options.changeCheck);
  const io: IO = Object.create(options.io, { signal: { value: change.signal, enumerable: true } });
  let changeZone = "";
  let accountPromise: Promise<ResolvedAccount> | undefined;
  const clients = new Map<string, ApiClient>();
  // one retry budget for the whole command, whatever clients and requests it makes
  const retryBudget = { remainingMs: DEFAULT_RETRY_BUDGET_MS };
  // what one client sent or received stays out of the traces and errors of the others
  const knownSecrets = new Set<string>();
  // each wait before another attempt is announced on a terminal (erasing a spinner's line first)
  const onRetry = io.stderrIsTTY && !globals.quiet ? (notice: string) => io.stderr(`\r\x1b[K${terminalSafe(notice)}\n`) : undefined;

  // a change that needs confirmation and cannot get it is refused before the account is even read
  const confirmable = () => {
    const refusal = options.confirmation?.refusal;
    if (refusal !== undefined && !options.confirmation!.force && !io.stdinIsTTY) throw new CliError(refusal());
  };
  const account = () => {
    confirmable();
    return (accountPromise ??= import("./config/account.js").then(({ resolveAccount }) =>
      resolveAccount({ env: io.env, cwd: io.cwd, configPath: globals.config, accountName: globals.useAccount }),
    ));
  };

  // With an endpoint override one URL serves every zone: the Exoscale-Zone header tells the
  // emulator which zone a new resource belongs to (the real API ignores it).
  const makeClient = async (endpoint: string, acct: ResolvedAccount, zone?: string, deadlineMs?: number): Promise<ApiClient> => {
    const cacheKey = `${zone ?? ""} ${deadlineMs ?? ""} ${endpoint}`;
    const existing = clients.get(cacheKey);
    if (existing) return existing;
    const { ApiClient } = await import("./api/client.js");
    const traceOn = (io.env.EXOSCALE_TRACE ?? "") !== "";
    const client = new ApiClient({
      endpoint,
      credentials: { key: acct.key, secret: acct.secret },
      headers: zone ? { ...acct.customHeaders, "Exoscale-Zone": zone } : acct.customHeaders,
      userAgent: `exo-dbaas/${options.version ?? "dev"}`,
      trace: traceOn ? io.stderr : undefined,
      deadlineMs,
      signal: io.signal,
      onChangeSent: () => change.sent(changeZone),
      retry: retryBackoffOverride(io.env),
      retryBudget,
      knownSecrets,
      onRetry,
    });
    clients.set(cacheKey, client);
    return client;
  };

  const context: CommandContext = {
    io,
    globals,
    flagsSet: options.flagsSet ?? new Set(),
    account,
    async zone(flagValue) {
      confirmable();
      if (flagValue) return flagValue;
      return (await account()).defaultZone;
    },
    async client(zone, settings = {}) {
      confirmable();
      changeZone = zone;
      const acct = await account();
      const [{ resolveZoneEndpoint, v2Override }, { listZones }] = await Promise.all([import("./config/endpoint.js"), import("./api/dbaas.js")]);
      const endpoint = await resolveZoneEndpoint(zone, {
        override: acct.endpoint,
        environment: acct.environment,
        listZones: async (baseUrl) => listZones(await makeClient(baseUrl, acct)),
      });
      return makeClient(endpoint, acct, v2Override(acct.endpoint) ? zone : undefined, settings.deadlineMs);
    },
    async listZones() {
      const acct = await account();
      const [{ v2Override, zoneUrl, DISCOVERY_ZONE }, { listZones }] = await Promise.all([import("./config/endpoint.js"), import("./api/dbaas.js")]);
      const base = v2Override(acct.endpoint) ?? zoneUrl(DISCOVERY_ZONE, acct.environment);
      return (await listZones(await makeClient(base, acct))).map((z) => z.name);
    },
    async outputFormat() {
      if (globals.outputFormat) return globals.outputFormat;
      let format: string | undefined;
      try {
        format = (await account()).defaultOutputFormat;
      } catch {
        format = undefined;
      }
      // the account's defaultOutputFormat as exo reads it: any other value is a table
      return format === "json" || format === "text" ? format : "table";
    },
    changeSent() {
      change.sent(changeZone);
    },
    progress(message, task) {
      return withProgress({ write: io.stderr, isTTY: io.stderrIsTTY, quiet: globals.quiet }, message, task);
    },
    async waitForOperation(client, op, settings = {}) {
      const { waitForOperation } = await import("./api/operation.js");
      return waitForOperation(client, op, { timeoutMs: settings.timeoutMs, signal: io.signal });
    },
    async confirm(question) {
      // a question may quote the API (an ACL's permission): escaped like a table on a terminal
      io.stderr(`${terminalSafe(question)} [yN]: `);
      const answer = await untilInterrupted(io, io.readLine?.());
      if (answer === undefined) {
        // end the unanswered prompt's line so the error stands on a line of its own
        io.stderr("\n");
        throw new CliError("EOF");
      }
      return /^y(es)?$/i.test(answer.trim());
    },
    async confirmChange(question) {
      confirmable();
      if (options.confirmation?.force) return;
      if (!(await context.confirm(question))) throw new CancelledError();
    },
    requireConfirmable: confirmable,
    changeCheck: () => options.changeCheck?.(changeZone),
  };
  return context;
}

/**
 * `pending`, unless Ctrl-C (the IO's signal) comes first: then the prompt's line is ended and the
 * signal's reason thrown, which ends the command with `error: context canceled` before anything is sent.
 */
async function untilInterrupted<T>(io: IO, pending: Promise<T> | undefined): Promise<T | undefined> {
  const signal = io.signal;
  if (!signal) return pending;
  let onAbort: (() => void) | undefined;
  const interrupted = new Promise<never>((_, reject) => {
    onAbort = () => {
      io.stderr("\n");
      reject(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([pending, interrupted]);
  } finally {
    signal.removeEventListener("abort", onAbort!);
  }
}

/**
 * Test knob: EXO_DBAAS_RETRY_BASE_MS=<ms> shortens the retry backoff (first step; the cap is 16
 * steps) so fault-injection tests of the built CLI run fast. Retry counts and Retry-After waits
 * are unchanged.
 */
function retryBackoffOverride(env: IO["env"]): { baseMs: number; capMs: number } | undefined {
  const raw = env.EXO_DBAAS_RETRY_BASE_MS;
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const baseMs = Number(raw);
  return { baseMs, capMs: baseMs * 16 };
}
