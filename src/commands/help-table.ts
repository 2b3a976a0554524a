// The two-column tables of the help topics (`exo help environment`, `exo help exit-codes`): names
// on the left, their meaning wrapped to 80 columns on the right.

const WIDTH = 80;

export function helpTable(rows: ReadonlyArray<readonly [string, string]>): string {
  const left = Math.max(...rows.map(([name]) => name.length));
  const room = WIDTH - left - 4;
  return rows.map(([name, meaning]) => `  ${name.padEnd(left)}  ${wrap(meaning, room).join(`\n${" ".repeat(left + 4)}`)}\n`).join("");
}

function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
