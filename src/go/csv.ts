// One record read as Go's encoding/csv Reader.Read does with its defaults (comma ",", no comment
// character, strict quotes): what pflag's StringSlice makes of a flag value. Columns count UTF-8
// bytes, as Go's do. A leaf: imports nothing.

export type CsvResult = { fields: string[] } | { error: string };

const QUOTE = 0x22;
const COMMA = 0x2c;
const NL = 0x0a;
const CR = 0x0d;

/** The first record of `text`; `{error: "EOF"}` when there is none (only blank lines). */
export function readCsvRecord(text: string): CsvResult {
  const input = new TextEncoder().encode(text);
  let offset = 0;
  let numLine = 0;
  const decoder = new TextDecoder();

  /** Reader.readLine: up to and including "\n"; a final "\r" dropped at end of input; "\r\n" → "\n". */
  const readLine = (): { line: Uint8Array; eof: boolean } => {
    if (offset >= input.length) return { line: new Uint8Array(0), eof: true };
    const nl = input.indexOf(NL, offset);
    const end = nl < 0 ? input.length : nl + 1;
    let line = input.subarray(offset, end);
    offset = end;
    if (nl < 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    numLine++;
    const n = line.length;
    if (n >= 2 && line[n - 2] === CR && line[n - 1] === NL) line = Uint8Array.of(...line.subarray(0, n - 2), NL);
    return { line, eof: false };
  };
  const lengthNL = (b: Uint8Array) => (b.length > 0 && b[b.length - 1] === NL ? 1 : 0);

  let read = readLine();
  while (!read.eof && read.line.length === lengthNL(read.line)) read = readLine();
  if (read.eof) return { error: "EOF" };
  let line = read.line;

  const recLine = numLine;
  const fields: string[] = [];
  let field: number[] = [];
  const pos = { line: numLine, col: 1 };
  const fail = (errLine: number, col: number, reason: string): CsvResult => ({
    error: recLine !== errLine ? `record on line ${recLine}; parse error on line ${errLine}, column ${col}: ${reason}` : `parse error on line ${errLine}, column ${col}: ${reason}`,
  });
  const push = () => {
    fields.push(decoder.decode(Uint8Array.from(field)));
    field = [];
  };

  for (;;) {
    if (line.length === 0 || line[0] !== QUOTE) {
      // non-quoted field
      const i = line.indexOf(COMMA);
      const raw = i >= 0 ? line.subarray(0, i) : line.subarray(0, line.length - lengthNL(line));
      const j = raw.indexOf(QUOTE);
      if (j >= 0) return fail(numLine, pos.col + j, 'bare " in non-quoted-field');
      field.push(...raw);
      push();
      if (i < 0) return { fields };
      line = line.subarray(i + 1);
      pos.col += i + 1;
      continue;
    }
    // quoted field
    line = line.subarray(1);
    pos.col += 1;
    for (;;) {
      const i = line.indexOf(QUOTE);
      if (i >= 0) {
        field.push(...line.subarray(0, i));
        line = line.subarray(i + 1);
        pos.col += i + 1;
        if (line[0] === QUOTE) {
          field.push(QUOTE);
          line = line.subarray(1);
          pos.col += 1;
        } else if (line[0] === COMMA) {
          line = line.subarray(1);
          pos.col += 1;
          push();
          break;
        } else if (lengthNL(line) === line.length) {
          push();
          return { fields };
        } else return fail(numLine, pos.col - 1, 'extraneous or missing " in quoted-field');
      } else if (line.length > 0) {
        // the field goes on on the next line
        field.push(...line);
        pos.col += line.length;
        read = readLine();
        line = read.line;
        if (line.length > 0) {
          pos.line++;
          pos.col = 1;
        }
      } else return fail(pos.line, pos.col, 'extraneous or missing " in quoted-field');
    }
  }
}
