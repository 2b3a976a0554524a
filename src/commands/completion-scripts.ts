// Completion scripts for bash, zsh and fish. Each one asks the CLI itself for candidates
// (`exo __complete --shell=SHELL -- WORDS... CURRENT`), so commands, aliases and flags always match
// the installed version, and service names come from the API of the configured account; the CLI
// writes them for the shell that asked (see src/completion/shell-words.ts).

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(value: string): value is Shell {
  return (SHELLS as readonly string[]).includes(value);
}

/** A name the scripts can register as is: a plain command name, not a script file (`cli.cjs`) nor a shell word to quote. */
const COMMAND_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
const SCRIPT_FILE = /\.[cm]?[jt]s$/;

/** The command the scripts complete: the name the CLI was started as when it is a plain command name, else `exo`. */
export function completionProgram(invokedAs: string | undefined): string {
  return invokedAs !== undefined && COMMAND_NAME.test(invokedAs) && !SCRIPT_FILE.test(invokedAs) ? invokedAs : "exo";
}

/** The script for `shell` that completes `program` (a name completionProgram accepts). */
export function completionScript(shell: Shell, program = "exo"): string {
  const fn = `__${program.replace(/[^A-Za-z0-9_]/g, "_")}_complete`;
  switch (shell) {
    case "bash":
      return bash(program, fn);
    case "zsh":
      return zsh(program, fn);
    case "fish":
      return fish(program, fn);
  }
}

function bash(program: string, fn: string): string {
  return `# bash completion for ${program}
# Load it in the current shell:  source <(${program} completion bash)
# or install it:                  ${program} completion bash > /etc/bash_completion.d/${program}
${fn}() {
    local cur="\${COMP_WORDS[COMP_CWORD]}"
    # "--zone=de" reaches us as "--zone" "=" "de"; the CLI joins them again
    local line files=
    COMPREPLY=()
    while IFS='' read -r line; do
        case "$line" in
            $'\\t'files) files=-f ;;
            $'\\t'directories) files=-d ;;
            ?*) COMPREPLY+=("$line") ;;
        esac
    done < <("\${COMP_WORDS[0]}" __complete --shell=bash -- "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
    # a flag naming a file or a directory: the shell lists them
    if [ -n "$files" ]; then
        [ "$cur" = "=" ] && cur=
        compopt -o filenames 2>/dev/null
        while IFS='' read -r line; do
            COMPREPLY+=("$line")
        done < <(compgen "$files" -- "$cur")
    fi
    return 0
}
complete -F ${fn} ${program}
`;
}

function zsh(program: string, fn: string): string {
  return `#compdef ${program}
# zsh completion for ${program}
# Load it in the current shell:  source <(${program} completion zsh)
# or install it as _${program} in a directory of $fpath (compinit must be enabled)
${fn}() {
    local -a candidates
    candidates=("\${(@f)$("\${words[1]}" __complete --shell=zsh -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
    candidates=("\${(@)candidates:#}")
    # a flag naming a file or a directory: zsh lists them (after "--flag=" when the value is inline)
    if [[ "\${candidates[1]}" == $'\\t'files || "\${candidates[1]}" == $'\\t'directories ]]; then
        compset -P '--*='
        if [[ "\${candidates[1]}" == $'\\t'files ]]; then _files; else _files -/; fi
        return 0
    fi
    (( \${#candidates} )) && compadd -Q -- "\${(@)candidates}"
    return 0
}
if [[ "\${funcstack[1]}" = "_${program}" ]]; then
    ${fn} "$@"
else
    compdef ${fn} ${program}
fi
`;
}

function fish(program: string, fn: string): string {
  return `# fish completion for ${program}
# Load it in the current shell:  ${program} completion fish | source
# or install it:                  ${program} completion fish > ~/.config/fish/completions/${program}.fish
function ${fn}
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l found ($tokens[1] __complete --shell=fish -- $tokens[2..-1] "$current" 2>/dev/null)
    # a flag naming a file or a directory: fish lists them (after "--flag=" when the value is inline)
    set -l flag (string match -r -- '^--[^=]*=' "$current")
    set -l value (string replace -r -- '^--[^=]*=' '' "$current")
    switch "$found[1]"
        case \\tfiles
            for path in (__fish_complete_path "$value")
                echo "$flag$path"
            end
        case \\tdirectories
            for path in (__fish_complete_directories "$value")
                echo "$flag$path"
            end
        case '*'
            for candidate in $found
                echo "$candidate"
            end
    end
end
complete -c ${program} -f -a '(${fn})'
`;
}
