// Declaring a command: its arguments, flags and behaviour, in one object per file.
//
//   export default defineCommand({
//     args: { name: "service" },
//     options: { zone: zoneFlag(), force: flag.bool("force", { short: "f", description: "Don't prompt" }) },
//     async run(ctx, args, opts) { ...; return model; },
//   });
//
// `run` returns what stdout should show: a string (written as is), an output model (rendered by
// src/output/render.ts according to -O / --output-template), or undefined (nothing). It never
// writes to stdout itself, so a failure leaves stdout empty.
import type { CommandContext } from "../context.js";
import type { OutputModel } from "../output/model.js";
import type { ExitCode } from "../errors.js";
import type { ArgumentKind, ArgumentsShape } from "./argument-kinds.js";

export type OptionKind = "string" | "boolean" | "int" | "list";

export interface OptionSpec<T = unknown> {
  kind: OptionKind;
  /** long name without dashes, e.g. "kafka-ip-filter" */
  long: string;
  /** one-letter short name without dash */
  short?: string;
  description?: string;
  /** placeholder in help, e.g. "ZONE" */
  valueName?: string;
  /** value when the flag is absent (also shown in help) */
  default?: T;
  /** parsed but not listed in --help (exo hides the --kafka-* flags) */
  hidden?: boolean;
  /** the values shell completion offers (the command still checks the value itself, in exo's words) */
  choices?: readonly string[];
  /** what the value names: completion lists it (from the API, or file names for "file" and "directory") */
  names?: ValueKind;
  /** phantom field carrying the value type */
  readonly __type?: T;
}

/** What a flag's value names: an argument kind (`--topic`), or a file or directory on this machine. */
export type ValueKind = ArgumentKind | "file" | "directory";

interface FlagOptions<T> {
  short?: string;
  description?: string;
  valueName?: string;
  hidden?: boolean;
  choices?: readonly string[];
  names?: ValueKind;
  default?: T;
}

function string(long: string, options: FlagOptions<string> & { default: string }): OptionSpec<string>;
function string(long: string, options?: FlagOptions<string>): OptionSpec<string | undefined>;
function string(long: string, options: FlagOptions<string> = {}): OptionSpec<string | undefined> {
  return { kind: "string", long, ...options };
}

function int(long: string, options: FlagOptions<number> & { default: number }): OptionSpec<number>;
function int(long: string, options?: FlagOptions<number>): OptionSpec<number | undefined>;
function int(long: string, options: FlagOptions<number> = {}): OptionSpec<number | undefined> {
  return { kind: "int", long, ...options };
}

/** Flag helpers mirroring the pflag types exo uses. */
export const flag = {
  string,
  int,
  /** pflag bool: `--x`, `--x=true`, `--x=false` */
  bool: (long: string, options: FlagOptions<boolean> = {}): OptionSpec<boolean> => ({ kind: "boolean", long, default: false, ...options }),
  /** pflag StringSlice: comma-separated and/or repeated */
  list: (long: string, options: FlagOptions<string[]> = {}): OptionSpec<string[]> => ({ kind: "list", long, default: [], ...options }),
};

/** The per-command `-z/--zone` flag. */
export const zoneFlag = (description?: string): OptionSpec<string | undefined> => flag.string("zone", { short: "z", description, valueName: "ZONE" });

export type OptionsShape = Record<string, OptionSpec<any>>;
export type InferOptions<O extends OptionsShape> = { [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };

/**
 * Output produced although part of the command failed (`dbaas list` with zones that could not be
 * listed): printed as on success, then the warnings and `error: <failure>` on stderr, exit code 1.
 */
export interface PartialOutput {
  readonly kind: "partial";
  /** what stdout receives, as on success (nothing for a failure explained on stderr alone) */
  readonly output?: OutputModel;
  /** whole lines for stderr, printed before the error line */
  readonly warnings: readonly string[];
  readonly failure: string;
  /** exit code (default 1) */
  readonly exitCode?: ExitCode;
}

export const partialOutput = (output: OutputModel, warnings: readonly string[], failure: string): PartialOutput => ({ kind: "partial", output, warnings, failure });

/** A failure explained line by line on stderr (each line made safe on its own), stdout left empty. */
export const failedOutput = (lines: readonly string[], failure: string, exitCode: ExitCode): PartialOutput => ({ kind: "partial", warnings: lines, failure, exitCode });

/** What a command hands back for stdout: raw text, a model to render, output with a failure, or nothing. */
export type CommandOutput = string | OutputModel | PartialOutput | undefined | void;

/** The words of the arguments, by name: the required ones always there, the optional ones maybe. */
export type InferArguments<A extends ArgumentsShape, OA extends ArgumentsShape> = { [K in keyof A]: string } & { [K in keyof OA]?: string } & Record<string, string | undefined>;

/**
 * A change that is asked for first (exo asks before deleting a service, a user, an ACL or a topic,
 * and before an update that may restart the service). Without -f/--force (the command's `force`
 * flag) it is refused before the command runs when stdin is no terminal; the command asks its
 * question with `ctx.confirmChange`, which -f answers.
 */
export interface ConfirmationRule<A extends ArgumentsShape, O extends OptionsShape, OA extends ArgumentsShape> {
  /** the refusal's words: `refusing to <verb> "<subject>" without confirmation` */
  verb: string;
  subject: (args: InferArguments<A, OA>) => string;
  /** whether this line asks (an update that changes nothing, or a dry run, does not) */
  when?: (opts: InferOptions<O>, flagsSet: ReadonlySet<string>) => boolean;
}

export interface CommandDefinition<A extends ArgumentsShape = ArgumentsShape, O extends OptionsShape = OptionsShape, OA extends ArgumentsShape = ArgumentsShape> {
  /** long help; the one-line summary lives in the registry so listings need not load the command */
  description?: string;
  /**
   * Required positional arguments in order, each with what it names (src/commands/argument-kinds.ts):
   * usage shows the names upper-cased; the kind gives the check before the command runs and completion.
   */
  args?: A;
  /** optional positional arguments after the required ones, declared the same way */
  optionalArgs?: OA;
  options?: O;
  /** whether the required arguments may be left out with these flags (`create --help-kafka`) */
  argumentsOptional?: (opts: InferOptions<O>) => boolean;
  /** examples or notes appended to --help */
  helpFooter?: string;
  /**
   * Whether --output-template shapes this run's output (a function: for these flags). When it does,
   * a broken template is refused before the command runs, so before any request.
   */
  templated?: boolean | ((opts: InferOptions<O>) => boolean);
  /**
   * For a command that changes something: the command line that shows how the change ended, for
   * the zone it was sent to. An interrupt once the change is sent prints it (src/change-signal.ts),
   * and so does a --wait-timeout that gave up (awaitOperation).
   */
  changeCheck?: (args: InferArguments<A, OA>, opts: InferOptions<O>, zone: string) => readonly string[];
  /**
   * The arguments and flags (by argument name, or flag long name) whose word a successful run uses
   * up, so that the same line would fail when run again: the service, user, ACL or endpoint it
   * deletes or attaches, or a value the API takes only once (an ACL's topic). The tables that run
   * each command many times (test/faults/) give every run a word of its own for these.
   */
  singleUse?: readonly string[];
  /** asks before changing (see ConfirmationRule) */
  confirms?: ConfirmationRule<A, O, OA>;
  run(ctx: CommandContext, args: InferArguments<A, OA>, opts: InferOptions<O>): Promise<CommandOutput>;
}

/**
 * A help topic (`exo output`): text only. Running it prints its help, as cobra does for a command
 * without Run (see src/cli/program.ts), so `run` is never called.
 */
export function defineTopic(topic: { description: string; helpFooter?: string }): CommandDefinition {
  return { ...topic, run: async () => undefined };
}

export function defineCommand<const A extends ArgumentsShape = {}, O extends OptionsShape = {}, const OA extends ArgumentsShape = {}>(
  definition: CommandDefinition<A, O, OA>,
): CommandDefinition<A, O, OA> {
  return definition;
}
