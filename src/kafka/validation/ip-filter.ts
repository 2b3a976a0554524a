// `--kafka-ip-filter` and its add/remove variants: CIDR blocks allowed to connect.
//
// The entries arrive as pflag's StringSlice reads them (src/cli/: one CSV record per flag value,
// repeated flags appending). Every entry must be an
// IPv4 or IPv6 address with an optional prefix length; a bare address means /32 or /128.
// The address is kept as given, host bits included (the API decides about `10.0.0.1/24`);
// IPv6 is written in its canonical RFC 5952 form so equal blocks compare equal.

import { InputError } from "./errors.js";
import { goQuote } from "../../go/quote.js";

function notCidr(entry: string, detail = ""): InputError {
  return new InputError(`invalid IP filter entry ${goQuote(entry)}: ${detail || "not an IPv4 or IPv6 CIDR"}`);
}

/** Four decimal octets; undefined when the text is not one. Leading zeros are refused (octal or decimal?). */
function parseIpv4(text: string, entry: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const ambiguous = parts.find((p) => p.length > 1 && p.startsWith("0"));
  if (ambiguous !== undefined) throw notCidr(entry, `leading zeros in ${goQuote(ambiguous)} are ambiguous (octal or decimal?)`);
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Eight 16-bit groups; undefined when the text is not an IPv6 address (zones are refused). */
function parseIpv6(text: string, entry: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const readGroups = (part: string, allowIpv4Tail: boolean): number[] | undefined => {
    if (part === "") return [];
    const pieces = part.split(":");
    const groups: number[] = [];
    for (const [index, piece] of pieces.entries()) {
      if (allowIpv4Tail && index === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece, entry);
        if (!v4) return undefined;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) groups.push(parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  if (halves.length === 1) {
    const groups = readGroups(text, true);
    return groups?.length === 8 ? groups : undefined;
  }
  const head = readGroups(halves[0]!, false);
  const tail = readGroups(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [a, b] = [groups[6]!, groups[7]!];
    return `::ffff:${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/** One entry → `address/prefix`; throws InputError naming the entry. */
export function parseCidr(entry: string): string {
  if (entry === "") throw notCidr(entry, "empty entry (is there a stray comma?)");
  if (/\s/.test(entry)) throw notCidr(entry, "contains whitespace");
  const slash = entry.indexOf("/");
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const prefixText = slash < 0 ? undefined : entry.slice(slash + 1);
  if (prefixText !== undefined && !/^(0|[1-9]\d{0,2})$/.test(prefixText)) throw notCidr(entry);
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  if (address.includes(":")) {
    const groups = parseIpv6(address, entry);
    if (!groups) throw notCidr(entry);
    if (prefix !== undefined && prefix > 128) throw notCidr(entry, `prefix length ${prefix} is more than 128 for IPv6`);
    return `${formatIpv6(groups)}/${prefix ?? 128}`;
  }
  if (!parseIpv4(address, entry)) throw notCidr(entry);
  if (prefix !== undefined && prefix > 32) throw notCidr(entry, `prefix length ${prefix} is more than 32 for IPv4`);
  return `${address}/${prefix ?? 32}`;
}

/** The entries of `--kafka-ip-filter` → the normalised list to send, duplicates dropped (first kept). */
export function parseIpFilter(entries: readonly string[]): string[] {
  const result: string[] = [];
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!result.includes(cidr)) result.push(cidr);
  }
  return result;
}

/** An entry of the service's current list, for comparison (kept verbatim if it does not parse). */
function comparable(entry: string): string {
  try {
    return parseCidr(entry);
  } catch {
    return entry;
  }
}

/** The current list with the given entries appended; entries already present are skipped. */
export function addIpFilter(current: readonly string[], add: readonly string[]): string[] {
  const result = [...current];
  const present = new Set(current.map(comparable));
  for (const entry of add) {
    const cidr = parseCidr(entry);
    if (present.has(cidr)) continue;
    present.add(cidr);
    result.push(cidr);
  }
  return result;
}

function showList(list: readonly string[]): string {
  if (list.length === 0) return "the current list is empty";
  const shown = list.slice(0, 10).join(", ");
  return `current list: ${shown}${list.length > 10 ? `, … (${list.length - 10} more)` : ""}`;
}

/** The current list without the given entries; each must be present (`10.0.0.1` matches `10.0.0.1/32`). */
export function removeIpFilter(current: readonly string[], remove: readonly string[]): string[] {
  const drop = new Set<string>();
  const currentForms = current.map(comparable);
  for (const entry of remove) {
    const cidr = parseCidr(entry);
    if (!currentForms.includes(cidr)) throw new InputError(`cannot remove IP filter entry ${goQuote(entry)}: not in the filter (${showList(current)})`);
    drop.add(cidr);
  }
  return current.filter((_, index) => !drop.has(currentForms[index]!));
}
