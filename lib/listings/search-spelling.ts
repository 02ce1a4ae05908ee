// Typo tolerance for the words people type most — sector, province and kind
// names — by edit distance against a small vocabulary ("dariy" → "dairy").
// Trigrams (pg_trgm, used on titles in search.ts) cannot fix a transposition
// in a five-letter word: "dariy" and "dairy" share only two of six trigrams.
// Pure: no I/O.

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), capped. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows - 1]![cols - 1]!;
}

/** Words of the vocabulary, lower-cased, at least three letters (latin only: Japanese has no typos of this kind). */
export function vocabularyFrom(phrases: string[]): string[] {
  const words = new Set<string>();
  for (const phrase of phrases) {
    for (const word of phrase.toLowerCase().split(/[^a-z0-9]+/)) if (word.length >= 3) words.add(word);
  }
  return [...words].sort();
}

/** How many edits a word of this length may contain: one up to five letters, two beyond. */
function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length <= 5 ? 1 : 2;
}

/**
 * Replaces each latin word that is not in the vocabulary by the closest word
 * that is (ties: the alphabetically first). Returns null when nothing changed.
 */
export function correctSpelling(query: string, vocabulary: string[]): string | null {
  const known = new Set(vocabulary);
  let changed = false;
  const corrected = query.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => {
    const lower = word.toLowerCase();
    const max = allowedEdits(lower);
    if (max === 0 || known.has(lower)) return word;
    let best: { word: string; distance: number } | null = null;
    for (const candidate of vocabulary) {
      const distance = editDistance(lower, candidate, max);
      if (distance <= max && (!best || distance < best.distance)) best = { word: candidate, distance };
    }
    if (!best) return word;
    changed = true;
    return best.word;
  });
  return changed ? corrected : null;
}
