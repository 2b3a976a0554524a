// `exo __complete [--shell=SHELL] [--] WORDS... CURRENT`: prints the completions of CURRENT, one per
// line, written for SHELL's command line, and always exits 0 with nothing on stderr, whatever the
// words or the API do.
import type { GroupEntry } from "../commands/registry.js";
import type { IO } from "../io.js";
import { createApiLookup } from "./api-candidates.js";
import { completionCandidates, isDirective } from "./candidates.js";
import { isShell, type Shell } from "../commands/completion-scripts.js";
import { isCompletableName, shellWord, unescapeWord } from "./shell-words.js";

export async function runComplete(argv: readonly string[], io: IO, tree: GroupEntry): Promise<number> {
  const shellFlag = /^--shell=(.*)$/s.exec(argv[0] ?? "");
  const shell: Shell | undefined = shellFlag && isShell(shellFlag[1]!) ? shellFlag[1] : undefined;
  const rest = shellFlag ? argv.slice(1) : argv;
  const words = (rest[0] === "--" ? rest.slice(1) : rest).map((word) => unescapeWord(word, shell));
  const lookup = createApiLookup({ io, config: globalValue(words, "--config", "-C"), useAccount: globalValue(words, "--use-account", "-A") });
  try {
    const found = await completionCandidates({ words, tree, lookup });
    // the shell completes file names itself
    if (found.length === 1 && isDirective(found[0]!)) {
      io.stdout(`${found[0]}\n`);
      return 0;
    }
    const candidates = found
      .filter((candidate) => isCompletableName(candidate))
      .map((candidate) => shellWord(candidate, shell))
      .filter((word): word is string => word !== undefined);
    if (candidates.length > 0) io.stdout(candidates.join("\n") + "\n");
  } catch {
    // no candidates rather than a broken prompt
  } finally {
    lookup.dispose();
  }
  return 0;
}

/** The value of a global flag among the completed words (`--config x`, `--config=x`, `-C x`). */
function globalValue(words: readonly string[], long: string, short: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    if (word === long || word === short) value = words[i + 1];
    else if (word.startsWith(`${long}=`)) value = word.slice(long.length + 1);
  }
  return value || undefined;
}
