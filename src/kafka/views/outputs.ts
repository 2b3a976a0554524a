// The two table shapes exo's outputs take, drawn from a view: a slice (one column per labelled
// field) and a single struct (one row per labelled field).

import { listOutput, objectOutput, type ListOutput, type ObjectOutput } from "../../output/model.js";
import { renderTable } from "../../output/table.js";
import { goStruct, tableHeader, tableRow, tableRows, type View } from "./spec.js";

/** A slice output; the table has a header of labels, nothing at all when there is no item. */
export function sliceOutput<S>(view: View<S>, items: readonly S[]): ListOutput {
  return listOutput(
    items.map((i) => goStruct(view, i)),
    (isTTY) => renderTable({ header: tableHeader(view), rows: items.map((i) => tableRow(view, i)) }, isTTY),
  );
}

/** A single struct output; the table is label | cell rows under an optional one-cell header. */
export function structOutput<S>(view: View<S>, source: S, header?: string): ObjectOutput {
  return objectOutput(goStruct(view, source), (isTTY) =>
    renderTable(header === undefined ? { rows: tableRows(view, source) } : { header: [header], rows: tableRows(view, source) }, isTTY),
  );
}

/**
 * A struct output whose table goes on with the rows of a struct it holds (exo's hand-written
 * `ToTable` of a struct and its settings or secrets), under a one-cell header.
 */
export function structWithPartOutput<S, P>(view: View<S>, source: S, header: string, part: View<P>, partSource: P): ObjectOutput {
  return objectOutput(goStruct(view, source), (isTTY) =>
    renderTable({ header: [header], rows: [...tableRows(view, source), ...tableRows(part, partSource)] }, isTTY),
  );
}
