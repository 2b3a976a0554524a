// Turning a piped (markdown-style) table into the terminal (box) style tablewriter draws for the
// same content: `|` becomes `│`, the rule under the header becomes a `┼─┼` border, and borders
// frame the table top and bottom.
export function toTerminalTable(piped: string): string {
  if (piped === "") return "";
  const lines = piped.replace(/\n$/, "").split("\n");
  const widths = lines[0]!.slice(1, -1).split("|").map((cell) => [...cell].length);
  const border = "┼" + widths.map((w) => "─".repeat(w) + "┼").join("");
  const body = lines.map((line) => (/^\|(-+\|)+$/.test(line) ? border : line.replace(/\|/g, "│")));
  return [border, ...body, border].join("\n") + "\n";
}

/** The cell texts of a table in either style, row by row (borders and rules dropped). */
export function tableCells(table: string): string[][] {
  return table
    .replace(/\n$/, "")
    .split("\n")
    .filter((line) => !/^[┼|][-─┼|]+$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/[│|]/)
        .map((cell) => cell.trim()),
    );
}
