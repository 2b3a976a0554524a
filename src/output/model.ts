// What a command hands to render(): the data JSON and templates see, plus exo's table for it.

import type { GoStruct } from "../templates/values.js";

/**
 * A single Go struct (exo's `*xOutput`): JSON prints it as an object, a template runs once on it
 * and its output gets no trailing newline.
 */
export interface ObjectOutput {
  readonly kind: "object";
  readonly value: GoStruct;
  /** exo's `ToTable()` for this value, laid out for a terminal or a pipe. */
  table(isTTY: boolean): string;
}

/**
 * A Go slice (exo's `xListOutput`): JSON prints an array (`[]` when empty), a template runs once
 * per element, each followed by a newline.
 */
export interface ListOutput {
  readonly kind: "list";
  readonly value: readonly GoStruct[];
  table(isTTY: boolean): string;
  /**
   * exo's streaming lists (`dbaas list`) answer an unparsable template with
   * `warning: invalid output template: <err>` on stdout and fall back to `{{.}}`.
   */
  readonly streaming?: boolean;
}

/** Output that ignores `-O` and `--output-template` (`show --uri`, `show --settings`, ...). */
export interface FixedOutput {
  readonly kind: "fixed";
  readonly text: string;
}

export type OutputModel = ObjectOutput | ListOutput | FixedOutput;

export function objectOutput(value: GoStruct, table: (isTTY: boolean) => string): ObjectOutput {
  return { kind: "object", value, table };
}

export function listOutput(
  value: readonly GoStruct[],
  table: (isTTY: boolean) => string,
  options: { streaming?: boolean } = {},
): ListOutput {
  return options.streaming ? { kind: "list", value, table, streaming: true } : { kind: "list", value, table };
}

export function fixedOutput(text: string): FixedOutput {
  return { kind: "fixed", text };
}
