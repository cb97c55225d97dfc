/**
 * Normalisation for finding a patient by name as the front desk types it: "José", "jose" and
 * "JOSE  " must meet, and a one-letter slip ("Jonh") should still find "John". The server stores
 * the normalised key beside the name and the web filters with the same functions.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lowercase, strip diacritics, fold special letters, collapse runs of spaces, trim. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (ch) => FOLDED_LETTERS[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Name tokens: normalised, split on spaces, hyphens, apostrophes and other punctuation. */
export function nameTokens(text: string): string[] {
  return normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** Edits (insert, delete, substitute, swap neighbours) between two strings, stopping early past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Slips allowed in one typed token: none for short tokens, where a slip is another name. */
function allowedEdits(token: string): number {
  if (token.length <= 3) return 0;
  if (token.length <= 7) return 1;
  return 2;
}

/**
 * Whether every typed token matches some name token, either as its beginning ("mar" → "Maria")
 * or within the allowed slips ("jonh" → "John").
 */
export function nameMatches(query: string, name: string): boolean {
  const wanted = nameTokens(query);
  if (wanted.length === 0) return false;
  const have = nameTokens(name);
  return wanted.every((token) =>
    have.some(
      (candidate) =>
        candidate.startsWith(token) ||
        editDistance(token, candidate, allowedEdits(token)) <= allowedEdits(token),
    ),
  );
}
