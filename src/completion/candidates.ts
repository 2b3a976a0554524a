// What `exo __complete WORDS... CURRENT` prints: the completions of the last word, one per line.
//
// The words before the last one are walked through the command tree as the CLI parses them (flags
// anywhere, global value flags skipping their value). The last word is completed as a command name,
// a flag, a flag value, or a positional argument; positional arguments naming a service, a service
// type or a user are listed from the API, and any failure there (no credentials, network, slow API)
// yields no candidates rather than an error.
import { COMMAND_TREE, findChild, isGroup, type GroupEntry, type LeafEntry } from "../commands/registry.js";
import type { CommandDefinition, OptionSpec, ValueKind } from "../commands/define.js";
import { takesBooleanWord, takesValue } from "../cli/flag-words.js";
import { GLOBAL_FLAGS } from "../cli/globals.js";
import { apiCandidates, type ApiLookup } from "./api-candidates.js";
import type { ArgumentSource } from "./argument-source.js";
import { ARGUMENT_KINDS, declaredArguments, type ArgumentKind, type KindRule } from "../commands/argument-kinds.js";

/**
 * The one line `__complete` prints when the shell should complete file or directory names itself
 * (cobra's ShellCompDirectiveDefault/FilterDirs). It starts with a tab, which no candidate holds.
 */
export const FILES_DIRECTIVE = "\tfiles";
export const DIRECTORIES_DIRECTIVE = "\tdirectories";
export const isDirective = (line: string) => line === FILES_DIRECTIVE || line === DIRECTORIES_DIRECTIVE;

export interface CompletionRequest {
  /** the command line after the program name; the last element is the word being completed ("" for a new word) */
  words: readonly string[];
  tree?: GroupEntry;
  /** lists names from the API; omitted → no API candidates */
  lookup?: ApiLookup;
}

interface Walk {
  path: string[];
  group: GroupEntry;
  leaf?: LeafEntry;
  definition?: CommandDefinition;
  positionals: string[];
  /** value of -z/--zone seen on the line */
  zone?: string;
  /** the flag whose value is being completed */
  pendingFlag?: string;
}

export async function completionCandidates(request: CompletionRequest): Promise<string[]> {
  const words = joinBashWordBreaks(request.words.length === 0 ? [""] : request.words);
  let current = words[words.length - 1]!;
  const before = words.slice(0, -1);
  // zsh and fish hand over "--zone=de" as the current word and expect whole words back
  const inline = /^(--[^=]+)=(.*)$/s.exec(current);
  if (inline) {
    before.push(inline[1]!);
    current = inline[2]!;
  }
  const walk = await walkWords(before, request.tree ?? COMMAND_TREE);
  if (!walk) return [];
  if (inline && !walk.pendingFlag) return [];
  if (walk.pendingFlag) {
    const values = await flagValues(walk.pendingFlag, walk, request.lookup);
    if (values.length === 1 && isDirective(values[0]!)) return values;
    return filter(values, current).map((v) => (inline ? `${inline[1]}=${v}` : v));
  }
  if (current.startsWith("-")) return filter(flagNames(walk), current);
  if (!walk.leaf) return filter(commandNames(walk.group, current), current);
  const source = argumentSource(walk);
  if (source.kind === "values") return filter(source.values, current);
  if (source.kind === "none" || !request.lookup) return [];
  return filter(await apiCandidates(source, walk.zone, request.lookup), current);
}

/**
 * bash splits "--zone=de" into "--zone" "=" "de" (COMP_WORDBREAKS): drop the "=" so the value reads
 * as the flag's next word. A trailing "=" means the value is being started ("" to complete).
 */
function joinBashWordBreaks(words: readonly string[]): string[] {
  const out: string[] = [];
  words.forEach((word, i) => {
    const afterFlag = i > 0 && words[i - 1]!.startsWith("--");
    if (word === "=" && afterFlag) {
      if (i === words.length - 1) out.push("");
      return;
    }
    out.push(word);
  });
  return out;
}

async function walkWords(words: readonly string[], tree: GroupEntry): Promise<Walk | undefined> {
  const walk: Walk = { path: [], group: tree, positionals: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith("-") && word !== "-") {
      const [name, inlineValue] = splitFlag(word);
      if (inlineValue === undefined && i + 1 < words.length && takesBooleanWord(name, words[i + 1], leafOptions(walk.definition))) {
        i++;
        continue;
      }
      if (!takesValue(name, leafOptions(walk.definition))) continue;
      const value = inlineValue ?? words[i + 1];
      if (inlineValue === undefined) {
        if (i + 1 >= words.length) {
          walk.pendingFlag = name;
          return walk;
        }
        i++;
      }
      if ((name === "--zone" || name === "-z") && value) walk.zone = value;
      continue;
    }
    if (walk.leaf) {
      walk.positionals.push(word);
      continue;
    }
    const child = findChild(walk.group, word);
    if (!child) return undefined;
    walk.path.push(child.name);
    if (isGroup(child)) walk.group = child;
    else {
      walk.leaf = child;
      walk.definition = await loadDefinition(child);
      if (!walk.definition) return undefined;
    }
  }
  return walk;
}

async function loadDefinition(leaf: LeafEntry): Promise<CommandDefinition | undefined> {
  try {
    return (await leaf.load()).default;
  } catch {
    return undefined;
  }
}

function splitFlag(word: string): [string, string | undefined] {
  const eq = word.indexOf("=");
  return eq > 0 && word.startsWith("--") ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}

function leafOptions(definition: CommandDefinition | undefined): OptionSpec[] {
  return Object.values(definition?.options ?? {});
}

function flagNames(walk: Walk): string[] {
  const own = leafOptions(walk.definition)
    .filter((o) => !o.hidden)
    .map((o) => `--${o.long}`);
  return [...new Set([...own, ...GLOBAL_FLAGS.map((g) => `--${g.long}`), "--help"])].sort();
}

function commandNames(group: GroupEntry, current: string): string[] {
  const names: string[] = [];
  for (const child of group.children) {
    // help topics are not commands to complete, as with cobra
    if (child.name.startsWith("_") || (!isGroup(child) && child.topic)) continue;
    names.push(child.name);
    // aliases only once the word already rules the name out, so listings stay short
    if (current !== "" && !child.name.startsWith(current)) names.push(...(child.aliases ?? []));
  }
  return names.sort();
}

async function flagValues(flag: string, walk: Walk, lookup: ApiLookup | undefined): Promise<string[]> {
  if (flag === "--output-format" || flag === "-O") return ["json", "table", "text"];
  if (flag === "--zone" || flag === "-z") return lookup ? lookup.zones() : [];
  const option = leafOptions(walk.definition).find((o) => flag === `--${o.long}` || flag === `-${o.short}`);
  if (option?.names) {
    const source = valueSource(option.names, walk);
    if (source.kind === "files") return [source.directories ? DIRECTORIES_DIRECTIVE : FILES_DIRECTIVE];
    return lookup && source.kind !== "none" ? apiCandidates(source, walk.zone, lookup) : [];
  }
  return option?.choices ? [...option.choices].sort() : [];
}

/** What a leaf's next positional argument completes to, from the kind it is declared with. */
export function argumentSource(walk: { definition?: CommandDefinition; positionals: readonly string[] }): ArgumentSource {
  const declared = walk.definition ? declaredArguments(walk.definition) : [];
  const next = declared[walk.positionals.length];
  return next ? valueSource(next.kind, walk) : { kind: "none" };
}

/**
 * What a value of this kind completes to. A listing scoped by another argument (the users of a
 * service, the plans of a type) reads that argument's word on the line, found by its declared kind.
 */
function valueSource(kind: ValueKind, walk: { definition?: CommandDefinition; positionals: readonly string[] }): ArgumentSource {
  if (kind === "file" || kind === "directory") return { kind: "files", directories: kind === "directory" };
  const rule: KindRule = ARGUMENT_KINDS[kind];
  if (rule.values) return { kind: "values", values: rule.values };
  const declared = walk.definition ? declaredArguments(walk.definition) : [];
  const given = (of: ArgumentKind) => {
    const index = declared.findIndex((a) => a.kind === of);
    return index >= 0 ? walk.positionals[index] : undefined;
  };
  const scoped = (of: ArgumentKind, source: (word: string) => ArgumentSource): ArgumentSource => {
    const word = given(of);
    return word === undefined ? { kind: "none" } : source(word);
  };
  switch (rule.lists) {
    case "services":
    case "service-types":
    case "endpoint-types":
      return { kind: rule.lists };
    case "plans":
      return scoped("type to create", (type) => ({ kind: "plans", type }));
    case "users":
    case "topics":
    case "groups":
      return scoped("service", (service) => ({ kind: rule.lists as "users" | "topics" | "groups", service }));
    case "endpoints":
      return { kind: "endpoints", type: given("endpoint type") };
    case "integrations":
      return { kind: "integrations", service: given("service"), type: given("integration settings type") };
    default:
      return { kind: "none" };
  }
}

function filter(candidates: readonly string[], prefix: string): string[] {
  return candidates.filter((c) => c.startsWith(prefix));
}
