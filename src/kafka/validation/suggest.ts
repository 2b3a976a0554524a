// "Did you mean" suggestions by edit distance (insertions, deletions, substitutions and swaps of
// two adjacent characters each cost 1).

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const above = d[i - 1]!;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Kafka's own names use dots (`num.partitions`); settings keys use underscores. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[.\-\s]/g, "_");
}

/**
 * The candidate closest to `input`, or undefined when none is close enough to be a plausible typo
 * (at most a third of the input's length, and never more than 3 edits). Ties go to the earlier candidate.
 */
export function closestName(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalise(input);
  if (wanted.length > 256) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
