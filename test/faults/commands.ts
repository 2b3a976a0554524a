// Every command of the CLI as a runnable case against a seeded emulator, derived from its
// declaration: the first example of its help that runs it, each argument (and each flag value
// naming a kind) replaced by a fixture of its kind (test/helpers/argument-fixtures.ts): an existing
// target, or one made for the run when the command declares the argument `singleUse`; -z names
// the test zone, and a command that asks first gets -f. So a new command has its case the moment
// it is registered.
import { ApiClient } from "../../src/api/client.js";
import { declaredArguments } from "../../src/commands/argument-kinds.js";
import type { OptionSpec, ValueKind } from "../../src/commands/define.js";
import { COMMAND_TREE, isGroup, type CommandEntry } from "../../src/commands/registry.js";
import { takesBooleanWord, takesValue } from "../../src/cli/flag-words.js";
import type { Emulator } from "../../src/emulator/index.js";
import { apiEnv } from "../helpers/run-cli.js";
import { registeredLeaves, type RegisteredLeaf } from "../helpers/commands.js";
import { firstExample } from "../helpers/examples.js";
import { KIND_FIXTURES, PLAIN_VALUE, SERVICE, type KindFixture } from "../helpers/argument-fixtures.js";

export const ZONE = "de-muc-1";
export { SERVICE };

export interface CommandCase {
  /** command path, e.g. "dbaas user show" */
  name: string;
  /** prepares the state and returns the argv */
  prepare(api: ApiClient): Promise<string[]>;
  /** each successful run costs the emulator a key pair (a new service or user): run fewer variants */
  costly?: boolean;
}

/** A word of the example to replace by a fixture. */
interface Slot {
  index: number;
  fixture: KindFixture;
  own: boolean;
  /** what the word names, if anything */
  kind?: ValueKind;
}

/** The example's words for arguments and flag values, each with its fixture; the zone's word. */
function slotsOf({ path, definition }: RegisteredLeaf, words: readonly string[]): { slots: Slot[]; zone: number[] } {
  const options: OptionSpec[] = Object.values(definition.options ?? {});
  const args = declaredArguments(definition);
  const singleUse = new Set(definition.singleUse ?? []);
  const slots: Slot[] = [];
  const zone: number[] = [];
  const valueSlot = (index: number, spec: OptionSpec | undefined) => {
    if (spec?.long === "zone") zone.push(index);
    else if (spec) slots.push({ index, fixture: spec.names ? KIND_FIXTURES[spec.names] : PLAIN_VALUE, own: singleUse.has(spec.long), kind: spec.names });
  };
  let position = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith("-") || word === "-") {
      const arg = args[position++];
      if (!arg) throw new Error(`exo ${path.join(" ")}: its first example has a word too many, ${word} (test/cli/help-examples.test.ts says more)`);
      slots.push({ index: i, fixture: KIND_FIXTURES[arg.kind], own: singleUse.has(arg.name), kind: arg.kind });
      continue;
    }
    const name = word.split("=")[0]!;
    const spec = options.find((o) => name === `--${o.long}` || (o.short !== undefined && name === `-${o.short}`));
    if (takesValue(name, options) && !word.includes("=")) valueSlot(++i, spec);
    else if (takesBooleanWord(name, words[i + 1], options)) i++;
  }
  return { slots, zone };
}

/** The case derived from the command's first example, undefined without one. */
function exampleCase(leaf: RegisteredLeaf): CommandCase | undefined {
  const example = firstExample(leaf);
  if (!example) return undefined;
  const words = example.slice(leaf.path.length);
  const { slots, zone } = slotsOf(leaf, words);
  const force = leaf.definition.confirms && !words.some((w) => w === "-f" || w === "--force") ? ["--force"] : [];
  const costly = slots.some((s) => s.fixture.costly === (s.own && s.fixture.own ? "own" : "shared"));
  return {
    name: leaf.path.join(" "),
    costly: costly || undefined,
    async prepare(api) {
      const byKind = new Map(slots.flatMap((s) => (s.kind ? [[s.kind, words[s.index]!] as const] : [])));
      const line = [...words];
      for (const i of zone) line[i] = ZONE;
      for (const slot of slots) {
        const make = slot.own && slot.fixture.own ? slot.fixture.own : slot.fixture.shared;
        line[slot.index] = await make(api, { word: words[slot.index]!, byKind });
      }
      return [...leaf.path, ...line, ...force];
    },
  };
}

const API_COMMANDS = registeredApiCommands();

export const COMMAND_CASES: readonly CommandCase[] = (await registeredLeaves()).flatMap((leaf) => (API_COMMANDS.includes(leaf.path.join(" ")) ? (exampleCase(leaf) ?? []) : []));

/** Why a command has no case, in what to declare. */
export const MISSING_CASE =
  "give the command an `Examples:` line in its helpFooter that runs it: its first one, with fixtures for its arguments (test/helpers/argument-fixtures.ts), is its fault case; declare `singleUse` the arguments a run uses up";

/** Command paths of the registry's leaves (other than the local ones), to check every command has a case. */
export function registeredApiCommands(): string[] {
  const out: string[] = [];
  const walk = (entry: CommandEntry, path: string[]) => {
    if (isGroup(entry)) for (const child of entry.children) walk(child, [...path, child.name]);
    else out.push(path.join(" "));
  };
  for (const child of COMMAND_TREE.children) walk(child, [child.name]);
  // the `dbaas kafka` commands need a real broker: their API faults are covered in test/commands/dbaas/kafka/
  return out.filter((p) => p.startsWith("dbaas ") && !p.startsWith("dbaas kafka "));
}

/** A client of the emulator for preparing state, in the cases' zone. */
export function setupClient(emulator: Emulator): ApiClient {
  return new ApiClient({ endpoint: emulator.url, credentials: { key: emulator.apiKey, secret: emulator.apiSecret }, headers: { "Exoscale-Zone": ZONE } });
}

export function cliEnv(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...apiEnv(emulator),
    EXOSCALE_ZONE: ZONE,
    // retry backoff in milliseconds, not seconds (see src/context.ts)
    EXO_DBAAS_RETRY_BASE_MS: "1",
    ...extra,
  };
}

/** Waits until the emulator has seen no request for a moment (a failed concurrent fetch may still be retrying). */
export async function settle(emulator: Emulator, quietMs = 20): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const count = emulator.requests().length;
    if (count === last) return;
    last = count;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}
