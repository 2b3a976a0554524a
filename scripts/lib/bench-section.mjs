// Writes one section of BENCH.md: the section starting with `heading` is replaced up to the next "## " heading
// (or appended when there is none); everything else in the file is kept.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeBenchSection(root, heading, section) {
  const file = join(root, "BENCH.md");
  const current = readFileSync(file, "utf8");
  const start = current.indexOf(heading);
  const end = start < 0 ? -1 : current.indexOf("\n## ", start + heading.length);
  const body = `${section.trimEnd()}\n`;
  const updated = start < 0 ? `${current.trimEnd()}\n\n${body}` : `${current.slice(0, start)}${body}${end < 0 ? "" : current.slice(end)}`;
  writeFileSync(file, updated);
}
