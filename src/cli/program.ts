// The command line → the command's run(): commander set up for the line's command only, flags read
// as pflag reads them, positional arguments checked (exactly the command's, each fit for its URL
// path segment) before the command runs, so before any request.
import { Command, CommanderError, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { isGroup, type CommandEntry, type GroupEntry, type LeafEntry } from "../commands/registry.js";
import type { CommandDefinition, CommandOutput, OptionSpec } from "../commands/define.js";
import { createContext, type CommandContext, type GlobalOptions } from "../context.js";
import { ExitCode, MISSING_ARGUMENTS, ServiceNotFoundError, UsageError } from "../errors.js";
import type { IO } from "../io.js";
import { parseOutputTemplateFirst } from "./template-first.js";
import type { OutputModel } from "../output/model.js";
import { booleanFlags, readBooleans } from "./booleans.js";
import { takesValue } from "./flag-words.js";
import { translateCommanderError } from "./commander-errors.js";
import { GLOBAL_FLAGS, type GlobalFlag } from "./globals.js";
import { HELP_COMMAND, locate, type Located } from "./locate.js";
import { checkPositionals } from "./positionals.js";
import { confirmationOf } from "./confirmation.js";
import { declaredArguments, usageWords } from "../commands/argument-kinds.js";
import { parseDurationFlag } from "../go/pflag.js";
import { parseIntFlag, parseListFlag, parseOutputFormat } from "./values.js";

type OnResult = (output: CommandOutput, context: CommandContext) => void;

/** What a command line that ran produced; failures that produced nothing are thrown instead. */
export interface CommandResult {
  /** for stdout */
  output: string;
  /** whole lines for stderr, printed after the output */
  warnings: readonly string[];
  /** the `error:` line's message when part of the command failed */
  failure?: string;
  exitCode: ExitCode;
}

const succeeded = (output: string): CommandResult => ({ output, warnings: [], exitCode: ExitCode.OK });

/** Runs the command line. @throws the error that ended it before it produced anything */
export async function execute(argv: readonly string[], io: IO, tree: GroupEntry): Promise<CommandResult> {
  const located = locate(argv, tree);
  let helpText = "";
  let result: { output: CommandOutput; context: CommandContext } | undefined;

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
  const words = located.indices.map((i) => argv[i]!);
  const rest = argv.filter((_, i) => !located.indices.includes(i));
  const options: OptionSpec[] = Object.values(definition?.options ?? {});
  // boolean flags are read here, not by commander (see booleans.ts)
  const line = leaf && definition && !located.help ? readBooleans([...words, ...rest], booleanFlags(options), (w) => takesValue(w, options)) : undefined;
  const leafContext: LeafContext = { onResult: (output, context) => (result = { output, context }), io, booleans: line?.values ?? new Map() };
  buildTree(program, tree, located, definition, leafContext);
  const args = located.help ? helpLine(words, located.help.itself) : (line?.args ?? [...argv]);

  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") {
        if (error.exitCode === 0) return succeeded(helpText);
        io.stderr(helpText);
        throw new UsageError(MISSING_ARGUMENTS);
      }
      throw new UsageError(translateCommanderError(error, zonelessGroup(located, options)));
    }
    throw error;
  }
  if (!result) return succeeded(helpText);
  const { output, context } = result;
  if (output && typeof output === "object" && output.kind === "partial") {
    return {
      output: await renderOutput(output.output, context, io),
      warnings: output.warnings,
      failure: output.failure,
      exitCode: output.exitCode ?? ExitCode.FAILURE,
    };
  }
  return succeeded(await renderOutput(output, context, io));
}

async function renderOutput(output: OutputModel | string | undefined | void, context: CommandContext, io: IO): Promise<string> {
  if (output === undefined || output === null) return "";
  if (typeof output === "string") return output;
  const model: OutputModel = output;
  if (model.kind === "fixed") return model.text;
  const format = await context.outputFormat();
  const { render } = await import("../output/render.js");
  // On a template failure nothing reaches stdout, not even what exo would have streamed before it.
  return render(model, { format, template: context.globals.outputTemplate, isTTY: io.stdoutIsTTY });
}

/** `exo dbaas GROUP` when the line's command, in a group, takes no -z (type, external endpoints and integrations). */
function zonelessGroup(located: Located, options: readonly OptionSpec[]): string | undefined {
  const names = located.path.map((e) => e.name);
  if (!located.leaf || names.length < 2 || options.some((o) => o.long === "zone")) return undefined;
  return ["exo", ...names.slice(0, -1)].join(" ");
}

function globalOption(g: GlobalFlag): Option {
  const flags = `${g.short ? `-${g.short}, ` : ""}--${g.long}${g.valueName ? ` <${g.valueName}>` : ""}`;
  const option = new Option(flags, g.description);
  if (g.long === "output-format") option.argParser(parseOutputFormat);
  return option;
}

/**
 * `exo help COMMAND…` as `exo COMMAND… --help`: the words only, so nothing else on the line can
 * run the command (a `--` would have made a following `--help` a mere argument).
 */
function helpLine(words: readonly string[], itself: boolean): string[] {
  return itself ? [HELP_COMMAND, "--help"] : [...words, "--help"];
}

/** Usage after the command's name: required arguments bare, optional ones in brackets, as exo's. */
function usageLine(def: CommandDefinition): string {
  return ["[options]", ...usageWords(def)].join(" ");
}

/** What a command's action needs beside commander's parse. */
interface LeafContext {
  onResult: OnResult;
  io: IO;
  /** the boolean flags given, by long name (-Q/--quiet included) */
  booleans: ReadonlyMap<string, boolean>;
}

/**
 * Declares to commander only what this command line can reach: the commands on its path and, when it
 * names a group rather than a command, that group's children for its help. Declaring the whole tree
 * would cost every run the set-up of every command.
 */
function buildTree(parent: Command, group: GroupEntry, located: Located, definition: CommandDefinition | undefined, leafContext: LeafContext, depth = 0): void {
  const onPath = located.path[depth];
  // a group's help lists its commands, then its help topics apart (cobra's "Additional help topics")
  const children = located.leaf ? [onPath!] : group.children.filter((c) => !isTopic(c));
  const topics = located.leaf ? [] : group.children.filter(isTopic);
  if (topics.length > 0) {
    const width = Math.max(...topics.map((t) => t.name.length));
    parent.addHelpText("after", `\nAdditional help topics:\n${topics.map((t) => `  exo ${t.name.padEnd(width)}  ${t.summary}\n`).join("")}`);
  }
  if (depth === 0 && !located.leaf) {
    parent.command(HELP_COMMAND).argument("[COMMAND...]").description("Help about any command").helpOption("-h, --help", "help for this command");
  }
  for (const entry of children) {
    const cmd = parent.command(entry.name).description(entry.summary).helpOption("-h, --help", "help for this command");
    if (entry.aliases) cmd.aliases([...entry.aliases]);
    if (isGroup(entry)) {
      cmd.action(() => cmd.help());
      if (entry === onPath) buildTree(cmd, entry, located, definition, leafContext, depth + 1);
    } else if (entry === located.leaf && definition) {
      configureLeaf(cmd, entry, located.path.map((e) => e.name), definition, leafContext);
    }
  }
}

function configureLeaf(cmd: Command, leaf: LeafEntry, path: readonly string[], def: CommandDefinition, { onResult, io, booleans }: LeafContext): void {
  if (def.description) cmd.description(def.description);
  for (const { name } of declaredArguments(def)) cmd.argument(`[${name.toUpperCase()}]`);
  cmd.usage(usageLine(def));
  // surplus words are refused in the action, naming the first one
  cmd.allowExcessArguments(true);
  if (def.helpFooter) cmd.addHelpText("after", def.helpFooter);

  const specs = Object.entries(def.options ?? {});
  for (const [, spec] of specs) cmd.addOption(toOption(spec));
  for (const g of GLOBAL_FLAGS) cmd.addOption(globalOption(g).hideHelp());

  if (leaf.topic) {
    cmd.action(() => {
      checkPositionals(["exo", ...path].join(" "), def, cmd.args);
      cmd.help();
    });
    return;
  }
  cmd.action(async () => {
    const values = cmd.opts();
    const flagsSet = new Set<string>();
    const opts: Record<string, unknown> = {};
    for (const [key, spec] of specs) {
      const attr = camel(spec.long);
      const given = spec.kind === "boolean" ? booleans.get(spec.long) : values[attr];
      if (spec.kind === "boolean" ? given !== undefined : cmd.getOptionValueSource(attr) === "cli") flagsSet.add(spec.long);
      opts[key] = given ?? spec.default;
    }
    const args = checkPositionals(["exo", ...path].join(" "), def, cmd.args, def.argumentsOptional?.(opts as never) ?? false);
    const globals = resolveGlobals({ ...values, quiet: booleans.get("quiet") }, io);
    const changeCheck = def.changeCheck && ((zone: string) => def.changeCheck!(args as never, opts as never, zone));
    const confirmation = confirmationOf(def, args, opts, flagsSet);
    const context = createContext({ io, globals, flagsSet, version: pkg.version, changeCheck, confirmation });
    const templated = typeof def.templated === "function" ? def.templated(opts as never) : def.templated === true;
    if (templated) await parseOutputTemplateFirst(context);
    try {
      onResult(await def.run(context, args as never, opts as never), context);
    } catch (error) {
      // a service missing from a zone no -z chose: the error says which zones have it
      if (!(error instanceof ServiceNotFoundError) || flagsSet.has("zone") || !specs.some(([, s]) => s.long === "zone")) throw error;
      const { withZoneHint } = await import("../commands/dbaas/shared/zone-hint.js");
      throw await withZoneHint(context, error);
    }
  });
}

function toOption(spec: OptionSpec): Option {
  const value = spec.kind === "boolean" ? "" : ` <${spec.valueName ?? (spec.kind === "int" ? "int" : spec.kind === "list" ? "strings" : "string")}>`;
  const option = new Option(`${spec.short ? `-${spec.short}, ` : ""}--${spec.long}${value}`, spec.description ?? "");
  if (spec.hidden) option.hideHelp();
  if (spec.kind === "int") option.argParser((raw: string) => parseIntFlag(raw, spec.long, spec.short));
  if (spec.kind === "list") {
    // pflag's StringSlice: the first value given replaces the default, later ones append
    option.argParser((raw: string, previous: string[] | undefined) => [...(previous ?? []), ...parseListFlag(raw, spec.long, spec.short)]);
  }
  if (spec.default !== undefined && spec.kind !== "boolean" && !(Array.isArray(spec.default) && spec.default.length === 0)) {
    option.default(undefined, String(spec.default));
  }
  return option;
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
  let ms: number;
  try {
    ms = parseDurationFlag(raw, "--timeout");
  } catch (error) {
    if (flagValue !== undefined) throw error;
    // the variable is named where the flag would be
    throw new UsageError((error as Error).message.replace(/ for "--timeout" flag: /, " for EXOSCALE_TIMEOUT: "));
  }
  if (raw === "-1s") return undefined;
  if (ms <= 0) throw new UsageError("--timeout must be a positive duration (e.g. 15s), or -1s to disable");
  return ms;
}

const isTopic = (entry: CommandEntry): boolean => !isGroup(entry) && entry.topic === true;

function camel(long: string): string {
  return long.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
