// Table layouts that exo draws with olekukonko/tablewriter v0.0.5, reproduced byte for byte.
//
// cli-table3 cannot produce these layouts (no markdown frame without top/bottom lines, a rule
// under the header but none between rows, tablewriter's floor-left centring), so the
// exo-compatible tables are laid out here by hand.

import { displayWidth, runeCount } from "./width.js";

interface Borders {
  left: boolean;
  right: boolean;
  top: boolean;
  bottom: boolean;
}

interface TableStyle {
  center: string;
  column: string;
  row: string;
  borders: Borders;
  headerLine: boolean;
  /** tablewriter ALIGN_LEFT for every cell, or ALIGN_DEFAULT (numbers to the right) */
  align: "left" | "default";
}

/** exo's `table.NewTable` on a terminal: every junction is `┼`. */
const TTY_STYLE: TableStyle = {
  center: "┼",
  column: "│",
  row: "─",
  borders: { left: true, right: true, top: true, bottom: true },
  headerLine: true,
  align: "left",
};

/** exo's `table.NewTable` when stdout is not a terminal: markdown-like, no top or bottom line. */
const MARKDOWN_STYLE: TableStyle = {
  center: "|",
  column: "|",
  row: "-",
  borders: { left: true, right: true, top: false, bottom: false },
  headerLine: true,
  align: "left",
};

/** exo's `table.NewEmbeddedTable`: no frame, single-space separators, default alignment. */
const EMBEDDED_STYLE: TableStyle = {
  center: " ",
  column: " ",
  row: " ",
  borders: { left: false, right: false, top: false, bottom: false },
  headerLine: false,
  align: "default",
};

// tablewriter's `decimal` pattern; its `percent` pattern can never match, so it is left out.
const DECIMAL = /^-?(?:\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?$/;

/** A table as exo builds it: optional header cells, then rows of cells (a cell may span lines). */
export interface TableData {
  header?: readonly string[];
  rows: readonly (readonly string[])[];
}

/**
 * tablewriter's header auto-format (`Title`): `_` becomes a space, `.` too unless it sits between
 * digits or spaces, then trimmed and upper-cased; an all-blank header keeps one space.
 */
export function formatHeader(name: string): string {
  const chars = Array.from(name);
  const numOrSpace = (c: string | undefined) => c !== undefined && /^[0-9 ]$/.test(c);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "_") chars[i] = " ";
    else if (chars[i] === ".") {
      if ((i !== 0 && !numOrSpace(chars[i - 1])) || (i !== chars.length - 1 && !numOrSpace(chars[i + 1]))) {
        chars[i] = " ";
      }
    }
  }
  let out = chars.join("").trim();
  if (out.length === 0 && name.length > 0) out = " ";
  return out.toUpperCase();
}

function padRight(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + " ".repeat(gap) : text;
}

function padLeft(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? " ".repeat(gap) + text : text;
}

function padCenter(text: string, width: number): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  const left = Math.floor(gap / 2);
  return " ".repeat(left) + text + " ".repeat(gap - left);
}

/** tablewriter's Render (with exo's wrapper: nothing at all when no row was appended). */
function layout(data: TableData, style: TableStyle): string {
  if (data.rows.length === 0) return "";

  const widths: number[] = [];
  const measure = (lines: string[], col: number) => {
    for (const line of lines) widths[col] = Math.max(widths[col] ?? 0, displayWidth(line));
  };
  const headers = (data.header ?? []).map((h, i) => {
    const lines = h.split("\n");
    measure(lines, i);
    return lines;
  });
  const rows = data.rows.map((row) =>
    row.map((cell, i) => {
      const lines = cell.split("\n");
      measure(lines, i);
      return lines;
    }),
  );
  for (let i = 0; i < widths.length; i++) widths[i] ??= 0;

  const out: string[] = [];
  const rule = () =>
    style.center + widths.map((w) => style.row.repeat(w + 2) + style.center).join("") + "\n";

  if (style.borders.top) out.push(rule());

  if (headers.length > 0) {
    const height = Math.max(...headers.map((h) => h.length));
    const last = widths.length - 1;
    for (let x = 0; x < height; x++) {
      let line = style.borders.left ? style.column : " ";
      for (let y = 0; y <= last; y++) {
        const text = formatHeader(headers[y]?.[x] ?? "");
        const sep = y === last && !style.borders.left ? " " : style.column;
        line += ` ${padCenter(text, widths[y]!)} ${sep}`;
      }
      out.push(line + "\n");
    }
    if (style.headerLine) out.push(rule());
  }

  for (const row of rows) {
    const height = Math.max(...row.map((lines) => lines.length));
    const cells = row.map((lines) => [...lines, ...Array<string>(height - lines.length).fill("  ")]);
    for (let x = 0; x < height; x++) {
      let line = "";
      cells.forEach((lines, y) => {
        line += !style.borders.left && y === 0 ? " " : style.column;
        line += " ";
        const text = lines[x]!;
        const alignRight = style.align === "default" && DECIMAL.test(text.trim());
        line += alignRight ? padLeft(text, widths[y]!) : padRight(text, widths[y]!);
        line += " ";
      });
      line += style.borders.right ? style.column : " ";
      out.push(line + "\n");
    }
  }

  if (style.borders.bottom) out.push(rule());
  return out.join("");
}

/** exo's `table.NewTable(os.Stdout)`: box drawing on a terminal, markdown-like otherwise. */
export function renderTable(data: TableData, isTTY: boolean): string {
  return layout(data, isTTY ? TTY_STYLE : MARKDOWN_STYLE);
}

/**
 * exo's `table.NewEmbeddedTable`, used for tables nested in a cell and for `--help-<type>`.
 * exo's nested tables set the single header `" "`, which prints a line of spaces first.
 */
export function renderEmbeddedTable(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  return layout(header ? { header, rows } : { rows }, EMBEDDED_STYLE);
}

/**
 * exo's streaming table (`dbaas list`): always box drawing, fixed content widths, values longer
 * than their column cut to width-1 characters plus `…`; Go pads by character count.
 */
export function renderStreamingTable(
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
): string {
  if (rows.length === 0) return "";
  const border = "┼" + widths.map((w) => "─".repeat(w + 2) + "┼").join("") + "\n";
  const line = (cells: readonly string[]) =>
    "│" +
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        const text = truncate(cell, w);
        return ` ${text}${" ".repeat(Math.max(0, w - runeCount(text)))} │`;
      })
      .join("") +
    "\n";
  return border + line(headers.map((h) => h.toUpperCase())) + border + rows.map(line).join("") + border;
}

function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (width <= 0 || chars.length <= width) return text;
  return chars.slice(0, width - 1).join("") + "…";
}
