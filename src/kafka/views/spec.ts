// One typed description per exo output struct: each field's Go name (what templates address), its
// JSON tag, its table label and how it is read from the typed API value. The GoStruct that JSON,
// `-O text` and templates see, exo's table cells and the help's template annotations all come from it.

import { GoStruct, type GoFieldSpec } from "../../templates/values.js";
import { goText } from "./go.js";

export interface FieldSpec<S, V = unknown> {
  /** Go field name (`AccessCert`): what templates address. */
  readonly go: string;
  /** encoding/json tag name. */
  readonly json: string;
  /** `omitempty` in the JSON tag. */
  readonly omitempty?: boolean;
  /** The row or column label of exo's table; absent when the table does not show the field. */
  readonly label?: string;
  /** exo's `outputWidth` tag (fixed-width streaming tables). */
  readonly width?: number;
  /** The Go value, from the typed source. */
  readonly from: (source: S) => V;
  /** The table cell (default: the value as fmt prints it). */
  readonly cell?: (value: V, source: S) => string;
  /** The struct a template reaches through this field, annotated under it in the help (`[]` when a slice). */
  readonly annotate?: { readonly view: View<never>; readonly slice?: boolean };
  /** Left out of the help's annotations (exo's fields for the other engines, always nil here). */
  readonly unannotated?: boolean;
}

export interface View<S> {
  /** The Go type as errors print it (`*dbaas.dbServiceShowOutput`). */
  readonly type: string;
  /**
   * In declaration order (the order of JSON keys and of `%v`). Each field has its own value type;
   * `fieldsOf` keeps a field's `from` and `cell` agreeing on it.
   */
  readonly fields: readonly FieldSpec<S, any>[];
  /** Table rows by Go name when exo's table orders them unlike the struct. */
  readonly tableOrder?: readonly string[];
  /** Methods templates may call beyond exo's fields (see GoStruct.methods). */
  readonly methods?: (source: S) => Readonly<Record<string, () => unknown>>;
}

/** Field specs for sources of type S, each value type inferred from its `from`. */
export const fieldsOf =
  <S>() =>
  <V>(spec: FieldSpec<S, V>): FieldSpec<S, V> =>
    spec;

/** The same field on a larger source that holds the field's own source. */
export function liftField<S, T, V>(part: (source: S) => T, spec: FieldSpec<T, V>): FieldSpec<S, V> {
  const cell = spec.cell;
  return { ...spec, from: (source) => spec.from(part(source)), cell: cell && ((value, source) => cell(value, part(source))) };
}

export function defineView<S>(type: string, fields: readonly FieldSpec<S, any>[], options: Pick<View<S>, "tableOrder" | "methods"> = {}): View<S> {
  const order = options.tableOrder;
  if (order) {
    for (const go of order) if (!fields.some((f) => f.go === go && f.label !== undefined)) throw new Error(`${type}: no labelled field ${go}`);
    if (order.length !== fields.filter((f) => f.label !== undefined).length) throw new Error(`${type}: the table order leaves out a labelled field`);
  }
  return { type, fields, ...options };
}

const fieldSpec = <S>(f: FieldSpec<S, any>, source: S): GoFieldSpec => {
  const value = f.from(source);
  return f.omitempty ? { name: f.go, value, json: f.json, omitempty: true } : { name: f.go, value, json: f.json };
};

/** The Go struct value of a source. */
export function goStruct<S>(view: View<S>, source: S): GoStruct {
  return new GoStruct(
    view.type,
    view.fields.map((f) => fieldSpec(f, source)),
    view.methods?.(source),
  );
}

const fieldIndexes = new WeakMap<View<never>, ReadonlyMap<string, number>>();

/** A struct's fields, each read from the source when first asked for, then kept. */
class FieldsOnDemand<S> implements ReadonlyMap<string, GoFieldSpec> {
  readonly #made: Array<GoFieldSpec | undefined> = [];
  readonly #index: ReadonlyMap<string, number>;

  constructor(
    private readonly view: View<S>,
    private readonly source: S,
  ) {
    let index = fieldIndexes.get(view as View<never>);
    if (!index) fieldIndexes.set(view as View<never>, (index = new Map(view.fields.map((f, i) => [f.go, i]))));
    this.#index = index;
  }

  get size(): number {
    return this.view.fields.length;
  }

  has(name: string): boolean {
    return this.#index.has(name);
  }

  get(name: string): GoFieldSpec | undefined {
    const i = this.#index.get(name);
    return i === undefined ? undefined : (this.#made[i] ??= fieldSpec(this.view.fields[i]!, this.source));
  }

  #all(): Map<string, GoFieldSpec> {
    return new Map(this.view.fields.map((f) => [f.go, this.get(f.go)!]));
  }

  forEach(callback: (value: GoFieldSpec, key: string, map: ReadonlyMap<string, GoFieldSpec>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#all()) callback.call(thisArg, value, key, this);
  }

  entries() {
    return this.#all().entries();
  }

  keys() {
    return this.#all().keys();
  }

  values() {
    return this.#all().values();
  }

  [Symbol.iterator]() {
    return this.#all()[Symbol.iterator]();
  }
}

/** The Go struct value of a source, each field read when output first asks for it (for long lists). */
export function goStructOnDemand<S>(view: View<S>, source: S): GoStruct {
  return new GoStruct(view.type, new FieldsOnDemand(view, source), view.methods?.(source));
}

const labelledFields = new WeakMap<View<never>, FieldSpec<never, any>[]>();

/** The labelled fields in the table's order. */
function labelled<S>(view: View<S>): FieldSpec<S, any>[] {
  const known = labelledFields.get(view as View<never>);
  if (known) return known as FieldSpec<S, any>[];
  const shown = view.fields.filter((f) => f.label !== undefined);
  const ordered = view.tableOrder ? view.tableOrder.map((go) => shown.find((f) => f.go === go)!) : shown;
  labelledFields.set(view as View<never>, ordered as FieldSpec<never, any>[]);
  return ordered;
}

const cellOf = <S>(f: FieldSpec<S, any>, source: S): string => {
  const value = f.from(source);
  return f.cell ? f.cell(value, source) : goText(value);
};

/** A vertical table's rows: [label, cell] for each labelled field. */
export function tableRows<S>(view: View<S>, source: S): string[][] {
  return labelled(view).map((f) => [f.label!, cellOf(f, source)]);
}

/** A list table's header: the labels of the labelled fields. */
export function tableHeader<S>(view: View<S>): string[] {
  return labelled(view).map((f) => f.label!);
}

/** The `outputWidth` of each column. */
export function tableWidths<S>(view: View<S>): number[] {
  return labelled(view).map((f) => f.width ?? 0);
}

/** A list table's row for one element. */
export function tableRow<S>(view: View<S>, source: S): string[] {
  return labelled(view).map((f) => cellOf(f, source));
}

/** `.A .B .C`: the template annotations of a struct's own fields (of any view: only names are read). */
export function annotations(view: View<never>, separator = " "): string {
  return view.fields
    .filter((f) => !f.unannotated)
    .map((f) => `.${f.go}`)
    .join(separator);
}

const HELP_WIDTH = 80;

/** Names separated by spaces on lines that start with `indent` and end by column 80. */
function wrapNames(names: readonly string[], indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const name of names) {
    if (line !== "" && indent.length + line.length + 1 + name.length > HELP_WIDTH) {
      lines.push(indent + line);
      line = "";
    }
    line = line === "" ? name : `${line} ${name}`;
  }
  lines.push(indent + line);
  return lines.join("\n");
}

/** A struct's template annotations on their own lines, indented two, wrapped at 80 columns. */
export function indentedAnnotations(view: View<never>): string {
  return wrapNames(annotations(view).split(" "), "  ");
}

/** `  * TITLE: .A .B`, or the names on their own lines (indented six, wrapped at 80 columns) when too long. */
function section(title: string, names: readonly string[]): string {
  const inline = `  * ${title}: ${names.join(" ")}`;
  if (inline.length <= HELP_WIDTH) return inline;
  return `  * ${title}:\n${wrapNames(names, "      ")}`;
}

/**
 * The help's annotation sections: one per view, then one per struct reached through an annotated
 * field (`.Kafka`, `.Kafka.ACL[]`), depth first.
 */
export function annotationSections(views: readonly { title: string; view: View<never> }[]): string {
  const out: string[] = [];
  const walk = (title: string, view: View<never>, path: string) => {
    out.push(section(title, annotations(view).split(" ")));
    for (const f of view.fields) {
      if (!f.annotate || f.unannotated) continue;
      const sub = `${path}.${f.go}${f.annotate.slice ? "[]" : ""}`;
      walk(sub, f.annotate.view, `${path}.${f.go}`);
    }
  };
  for (const { title, view } of views) walk(title, view, "");
  return out.join("\n");
}
