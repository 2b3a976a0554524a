// exo's persistent flags, which every command takes and which may precede the command words.

export interface GlobalFlag {
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
export const VALUE_FLAGS: ReadonlySet<string> = new Set(["--config", "-C", "--use-account", "-A", "--output-format", "-O", "--output-template", "--timeout", "--zone", "-z"]);

/** The hidden command the shell completion scripts call. */
export const COMPLETE_COMMAND = "__complete";
