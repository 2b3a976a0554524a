// run(argv, io) → exit code: builds the command line, runs the command, prints its output, and
// maps every error to `error: <message>` and an exit code in this one place.
//
// Flags may appear anywhere on the line, before or after the command words, as with exo (cobra
// parses the whole line with the final command's flags). We find the command path first, move its
// words to the front, and let the command's own parser see every flag.
import { Command, CommanderError, Option } from "commander";
import pkg from "../package.json" with { type: "json" };
import { COMMAND_TREE, findChild, isGroup, type CommandEntry, type GroupEntry, type LeafEntry } from "./commands/registry.js";
import type { CommandDefinition, CommandOutput, OptionSpec } from "./commands/define.js";
import { createContext, type CommandContext, type GlobalOptions } from "./context.js";
import { parseGoDuration } from "./config/duration.js";
import { parseIntFlag } from "./commands/int-flag.js";
import { goBoolRefusal, goBoolValue } from "./kafka/validation/bool.js";
import { CancelledError, CliError, ExitCode, MISSING_ARGUMENTS, PartialFailureError, UsageError } from "./errors.js";
import type { IO } from "./io.js";
import { parseOutputTemplateFirst } from "./output/template-first.js";
import type { OutputModel } from "./output/model.js";

interface GlobalFlag {
  long: string;
  short?: string;
  valueName?: string;
  description: string;
}

/** exo's persistent flags. */
export const GLOBAL_FLAGS: readonly GlobalFlag[] = [
  { long: "config", short: "C", valueName: "string", description: "Specify an alternate config file [env EXOSCALE_CONFIG]" },
  { long: "use-account", short: "A", valueName: "string", description: "Account to use in config file [env EXOSCALE_ACCOUNT]" },
  {
    long: "output-format",
    short: "O",
    valueName: "string",
    description: 'Output format (table|json|text), see "exo output --help" for more information',
  },
  { long: "output-template", valueName: "string", description: 'Template to use if output format is "text"' },
  { long: "quiet", short: "Q", description: "Quiet mode (disable non-essential command output)" },
  {
    long: "timeout",
    valueName: "duration",
    description: "Per-zone timeout for list operations; -1s disables timeout [env EXOSCALE_TIMEOUT] (default 15s)",
  },
];

/** Flags taking a value that may precede the command words (globals, and -z which exo accepts there). */
export const VALUE_FLAGS = new Set(["--config", "-C", "--use-account", "-A", "--output-format", "-O", "--output-template", "--timeout", "--zone", "-z"]);

export const COMPLETE_COMMAND = "__complete";

export interface RunOptions {
  /** the command tree (tests substitute their own) */
  tree?: GroupEntry;
}

export async function run(argv: readonly string[], io: IO, options: RunOptions = {}): Promise<number> {
  // hidden entry point of the shell completion scripts (src/completion/)
  if (argv[0] === COMPLETE_COMMAND) {
    const { runComplete } = await import("./completion/complete.js");
    return runComplete(argv.slice(1), io, options.tree ?? COMMAND_TREE);
  }
  try {
    const output = await execute(argv, io, options.tree ?? COMMAND_TREE);
    // interrupted after the work was done: still a failure, and stdout stays empty
    io.signal?.throwIfAborted();
    if (output) io.stdout(output);
    return ExitCode.OK;
  } catch (error) {
    return report(error, io);
  }
}

/** Runs the command line and returns what stdout should receive. */
async function execute(argv: readonly string[], io: IO, tree: GroupEntry): Promise<string> {
  const located = locate(argv, tree);
  let helpText = "";
  let result: { output: CommandOutput; context: CommandContext; failure?: PartialFailureError } | undefined;

  const program = new Command("exo");
  program
    .description(tree.summary)
    .exitOverride()
    .helpOption("-h, --help", "help for this command")
    .configureOutput({ writeOut: (s) => (helpText += s), writeErr: (s) => (helpText += s), outputError: () => undefined })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: true })
    .helpCommand(false)
    .enablePositionalOptions();
  for (const g of GLOBAL_FLAGS) program.addOption(globalOption(g));
  program.action(() => program.help());

  const leaf = located.leaf;
  const definition = leaf ? (await leaf.load()).default : undefined;
  buildTree(program, tree, located, definition, (output, context, failure) => (result = { output, context, failure }), io);

  const words = located.indices.map((i) => argv[i]!);
  const rest = argv.filter((_, i) => !located.indices.includes(i));
  const args = leaf && definition ? normaliseBooleans([...words, ...rest], definition) : [...argv];

  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") {
        if (error.exitCode === 0) return helpText;
        io.stderr(helpText);
        throw new UsageError(MISSING_ARGUMENTS);
      }
      throw new UsageError(translateCommanderError(error));
    }
    throw error;
  }
  if (!result) return helpText;
  const text = await renderOutput(result.output, result.context, io);
  if (result.failure) {
    io.stdout(text);
    throw result.failure;
  }
  return text;
}

async function renderOutput(output: CommandOutput, context: CommandContext, io: IO): Promise<string> {
  if (output === undefined || output === null) return "";
  if (typeof output === "string") return output;
  const model: OutputModel = output;
  if (model.kind === "fixed") return model.text;
  const format = await context.outputFormat();
  const { render } = await import("./output/render.js");
  // On a template failure nothing reaches stdout, not even what exo would have streamed before it.
  return render(model, { format, template: context.globals.outputTemplate, isTTY: io.stdoutIsTTY });
}

interface Located {
  /** argv indices of the command words */
  indices: number[];
  /** the entries those words name, outermost first */
  path: CommandEntry[];
  leaf?: LeafEntry;
}

/** Finds the command words, skipping flags (and the values of the flags known to take one). */
function locate(argv: readonly string[], tree: GroupEntry): Located {
  const indices: number[] = [];
  const entries: CommandEntry[] = [];
  let node: GroupEntry = tree;
  const path = ["exo"];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") break;
    if (token.startsWith("-") && token !== "-") {
      if (VALUE_FLAGS.has(token)) i++;
      continue;
    }
    const child: CommandEntry | undefined = findChild(node, token);
    if (!child) {
      if (token === "help") break;
      throw new UsageError(`unknown command ${JSON.stringify(token)} for ${JSON.stringify(path.join(" "))}`);
    }
    indices.push(i);
    entries.push(child);
    path.push(child.name);
    if (!isGroup(child)) return { indices, path: entries, leaf: child };
    node = child;
  }
  return { indices, path: entries };
}

function globalOption(g: GlobalFlag): Option {
  const flags = `${g.short ? `-${g.short}, ` : ""}--${g.long}${g.valueName ? ` <${g.valueName}>` : ""}`;
  return new Option(flags, g.description);
}

/**
 * Declares to commander only what this command line can reach: the commands on its path and, when it
 * names a group rather than a command, that group's children for its help. Declaring the whole tree
 * would cost every run the set-up of every command.
 */
function buildTree(
  parent: Command,
  group: GroupEntry,
  located: Located,
  definition: CommandDefinition | undefined,
  onResult: (output: CommandOutput, context: CommandContext, failure?: PartialFailureError) => void,
  io: IO,
  depth = 0,
): void {
  const onPath = located.path[depth];
  const children = located.leaf ? [onPath!] : group.children;
  for (const entry of children) {
    const cmd = parent.command(entry.name).description(entry.summary).helpOption("-h, --help", "help for this command");
    if (entry.aliases) cmd.aliases([...entry.aliases]);
    if (isGroup(entry)) {
      cmd.action(() => cmd.help());
      if (entry === onPath) buildTree(cmd, entry, located, definition, onResult, io, depth + 1);
    } else if (entry === located.leaf && definition) {
      configureLeaf(cmd, definition, onResult, io);
    }
  }
}

function configureLeaf(
  cmd: Command,
  def: CommandDefinition,
  onResult: (output: CommandOutput, context: CommandContext, failure?: PartialFailureError) => void,
  io: IO,
): void {
  if (def.description) cmd.description(def.description);
  const required = def.args ?? [];
  const optional = def.optionalArgs ?? [];
  for (const name of required) cmd.argument(`[${name.toUpperCase()}]`);
  for (const name of optional) cmd.argument(`[${name.toUpperCase()}]`);
  cmd.allowExcessArguments(true);
  if (def.helpFooter) cmd.addHelpText("after", def.helpFooter);

  const specs = Object.entries(def.options ?? {});
  for (const [, spec] of specs) {
    cmd.addOption(toOption(spec));
    // carries `--x=false` (see normaliseBooleans), so an explicit false counts as given
    if (spec.kind === "boolean") cmd.addOption(new Option(`--no-${spec.long}`).hideHelp());
  }
  for (const g of GLOBAL_FLAGS) cmd.addOption(globalOption(g).hideHelp());

  cmd.action(async (...actionArgs: unknown[]) => {
    const positional = actionArgs.slice(0, required.length + optional.length) as (string | undefined)[];
    const given = positional.filter((a) => a !== undefined).length;
    if (given < required.length) throw new UsageError(MISSING_ARGUMENTS);
    const args: Record<string, string | undefined> = {};
    [...required, ...optional].forEach((name, i) => (args[name] = positional[i]));

    const values = cmd.opts();
    const flagsSet = new Set<string>();
    const opts: Record<string, unknown> = {};
    for (const [key, spec] of specs) {
      const attr = camel(spec.long);
      if (cmd.getOptionValueSource(attr) === "cli") flagsSet.add(spec.long);
      opts[key] = values[attr] ?? spec.default;
    }
    const globals = resolveGlobals(values, io);
    const context = createContext({ io, globals, flagsSet, version: pkg.version });
    const templated = typeof def.templated === "function" ? def.templated(opts as never) : def.templated === true;
    if (templated) await parseOutputTemplateFirst(context);
    try {
      onResult(await def.run(context, args as never, opts as never), context);
    } catch (error) {
      // output produced before the failure is printed, then the failure
      if (!(error instanceof PartialFailureError)) throw error;
      onResult(error.output as CommandOutput, context, error);
    }
  });
}

function toOption(spec: OptionSpec): Option {
  const value = spec.kind === "boolean" ? "" : ` <${spec.valueName ?? (spec.kind === "int" ? "int" : spec.kind === "list" ? "strings" : "string")}>`;
  const option = new Option(`${spec.short ? `-${spec.short}, ` : ""}--${spec.long}${value}`, spec.description ?? "");
  if (spec.hidden) option.hideHelp();
  if (spec.kind === "int") {
    option.argParser((raw: string) => parseIntFlag(raw, spec.long, spec.short));
  }
  if (spec.kind === "list") {
    option.argParser((raw: string, previous: string[] | undefined) => [...(previous ?? []), ...splitCsv(raw)]);
  }
  if (spec.default !== undefined && spec.kind !== "boolean" && !(Array.isArray(spec.default) && spec.default.length === 0)) {
    option.default(undefined, String(spec.default));
  }
  return option;
}

/** pflag StringSlice reads each value as a CSV record. */
function splitCsv(raw: string): string[] {
  if (raw === "") return [];
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

/**
 * pflag accepts `--flag=true|false` for booleans; commander does not, so rewrite those: true → `--flag`,
 * false → `--no-flag` (a hidden option, so the flag still counts as given). A command's long boolean
 * flag followed by a separate `true` or `false` word takes it as its value (`--kafka-enable-sasl-auth true`):
 * pflag would ignore the word as an extra argument, which turns `--flag false` into true.
 */
function normaliseBooleans(args: string[], def: CommandDefinition): string[] {
  const own = new Set(Object.values(def.options ?? {}).filter((s) => s.kind === "boolean").map((s) => s.long));
  const booleans = new Set(["quiet", ...own]);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    const bare = /^--([^=]+)$/.exec(arg);
    if (bare && own.has(bare[1]!) && (args[i + 1] === "true" || args[i + 1] === "false")) {
      out.push(args[++i] === "true" ? arg : `--no-${bare[1]}`);
      continue;
    }
    const match = /^--([^=]+)=(.*)$/s.exec(arg);
    if (!match || !booleans.has(match[1]!)) {
      out.push(arg);
      continue;
    }
    const value = goBoolValue(match[2]!);
    if (value === undefined) throw new UsageError(goBoolRefusal(match[1]!, match[2]!));
    if (value) out.push(`--${match[1]}`);
    else if (own.has(match[1]!)) out.push(`--no-${match[1]}`);
  }
  return out;
}

function resolveGlobals(values: Record<string, any>, io: IO): GlobalOptions {
  return {
    config: values.config || undefined,
    useAccount: values.useAccount || undefined,
    outputFormat: values.outputFormat || undefined,
    outputTemplate: values.outputTemplate || undefined,
    quiet: values.quiet === true,
    timeoutMs: resolveTimeout(values.timeout, io),
  };
}

/** --timeout (or EXOSCALE_TIMEOUT): a positive Go duration, or -1s to disable. */
function resolveTimeout(flagValue: string | undefined, io: IO): number | undefined {
  const fromEnv = flagValue === undefined ? io.env.EXOSCALE_TIMEOUT : undefined;
  const raw = flagValue ?? (fromEnv || "15s");
  const ms = parseGoDuration(raw);
  if (ms === undefined) {
    const source = flagValue === undefined ? "EXOSCALE_TIMEOUT" : `"--timeout" flag`;
    throw new UsageError(`invalid argument ${JSON.stringify(raw)} for ${source}: time: invalid duration ${JSON.stringify(raw)}`);
  }
  if (raw === "-1s") return undefined;
  if (ms <= 0) throw new UsageError("--timeout must be a positive duration (e.g. 15s), or -1s to disable");
  return ms;
}

function camel(long: string): string {
  return long.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function translateCommanderError(error: CommanderError): string {
  const message = error.message.replace(/^error: /, "");
  let m = /^unknown option '([^']+)'/.exec(message);
  if (m) {
    const flag = m[1]!;
    return flag.startsWith("--") ? `unknown flag: ${flag}` : `unknown shorthand flag: ${JSON.stringify(flag.slice(1, 2)).replace(/"/g, "'")} in ${flag}`;
  }
  m = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (m) return `flag needs an argument: ${m[1]}`;
  if (error.code === "commander.missingArgument") return MISSING_ARGUMENTS;
  return message;
}

/** The single mapping from errors to stderr text and exit codes. */
function report(error: unknown, io: IO): number {
  if (error instanceof CancelledError) return ExitCode.OK;
  if (error instanceof PartialFailureError) io.stderr(error.warnings.join(""));
  if (error instanceof CliError) {
    io.stderr(`error: ${error.message}\n`);
    return error.exitCode;
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "OperationTimeoutError") {
    io.stderr(`error: ${(error as Error).message}\n`);
    return ExitCode.OPERATION_TIMEOUT;
  }
  if (name === "AbortError" || (io.signal?.aborted && error === io.signal.reason)) {
    io.stderr("error: context canceled\n");
    return ExitCode.FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`error: ${message}\n`);
  return ExitCode.FAILURE;
}
