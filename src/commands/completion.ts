// exo completion bash|zsh|fish: prints a shell completion script.
import { UsageError } from "../errors.js";
import { completionProgram, completionScript, isShell, SHELLS } from "./completion-scripts.js";
import { defineCommand } from "./define.js";

export default defineCommand({
  description: "Generate the autocompletion script for the specified shell (bash, zsh or fish).",
  args: { shell: "shell" },
  helpFooter: `
Examples:
  source <(exo completion bash)   # bash, current shell
  source <(exo completion zsh)    # zsh, current shell (with compinit enabled)
  exo completion fish | source    # fish, current shell

Service names are completed from the API of the configured account; without
credentials, or when the API does not answer within a few seconds, only
commands and flags are completed.
`,
  async run(ctx, args) {
    const shell = args.shell;
    if (!isShell(shell)) throw new UsageError(`unsupported shell ${JSON.stringify(shell)}: expected one of ${SHELLS.join(", ")}`);
    // `exo-dbaas completion bash` completes exo-dbaas
    return completionScript(shell, completionProgram(ctx.io.program));
  },
});
