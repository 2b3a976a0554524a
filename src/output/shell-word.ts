// Commands printed as hints ("run: exo dbaas …") must run as printed: every word goes through here,
// so a name holding a space, a quote or `$(…)` reaches the shell as one literal word.

/** The word as a POSIX shell reads it back: bare when it is plain, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w.@%+=:,\/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line from its words, each quoted as `shellWord` does. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellWord).join(" ");
}

/** `exo` and the words after it, as a command line to print. */
export function exoCommand(words: readonly string[]): string {
  return shellCommand(["exo", ...words]);
}
