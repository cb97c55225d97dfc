/**
 * Looking up and searching the bundled ICD-10-CM catalogue. Clinicians type a code ("m5450",
 * "M54.5") or words ("low back", "sciatica droite" without accents); both must land on the same
 * entries, codes first when the query looks like a code.
 */
import { ICD10_CATALOGUE, ICD10_GROUP_LABELS, type Icd10Code } from './icd10-catalogue.ts';
import { normalizeForSearch } from './name-search.ts';

export type { Icd10Code } from './icd10-catalogue.ts';

const CODE_SHAPE = /^[A-Z][0-9][0-9A-Z](?:[0-9A-Z]{1,4})?$/;

/** "m5450", " M54.50 " → "M54.50"; returns the input upper-cased if it is not code-shaped. */
export function normalizeIcd10Code(input: string): string {
  const compact = input.trim().toUpperCase().replace(/[\s.]/g, '');
  if (!CODE_SHAPE.test(compact)) return input.trim().toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** Claims (837P HI segment) carry the code without its decimal point. */
export function icd10ForClaim(code: string): string {
  return normalizeIcd10Code(code).replace('.', '');
}

const byCode = new Map(ICD10_CATALOGUE.map((entry) => [entry.code, entry]));

export function lookupIcd10(code: string): Icd10Code | undefined {
  return byCode.get(normalizeIcd10Code(code));
}

/** True only for a catalogued code valid at its deepest level; unknown codes are not billable. */
export function isBillableIcd10(code: string): boolean {
  return lookupIcd10(code)?.billable ?? false;
}

/** The billable codes under a category, to suggest when someone picks the category itself. */
export function billableChildren(code: string): Icd10Code[] {
  const parent = normalizeIcd10Code(code).replace('.', '');
  return ICD10_CATALOGUE.filter((entry) => {
    const own = entry.code.replace('.', '');
    return entry.billable && own !== parent && own.startsWith(parent);
  });
}

export interface Icd10SearchOptions {
  limit?: number;
  billableOnly?: boolean;
}

export interface Icd10SearchHit {
  entry: Icd10Code;
  score: number;
}

interface Indexed {
  entry: Icd10Code;
  compactCode: string;
  description: string;
  descriptionWords: string[];
  keywordWords: string[];
}

const words = (text: string): string[] =>
  normalizeForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const INDEX: readonly Indexed[] = ICD10_CATALOGUE.map((entry) => ({
  entry,
  compactCode: entry.code.replace('.', ''),
  description: normalizeForSearch(entry.description),
  descriptionWords: words(entry.description),
  keywordWords: [...(entry.keywords ?? []), ICD10_GROUP_LABELS[entry.group]].flatMap(words),
}));

function codeScore(item: Indexed, compactQuery: string): number {
  if (item.compactCode === compactQuery) return 1000;
  if (item.compactCode.startsWith(compactQuery)) return 900 - (item.compactCode.length - compactQuery.length);
  return 0;
}

function wordScore(item: Indexed, tokens: string[], phrase: string): number {
  let score = 500;
  for (const token of tokens) {
    if (item.descriptionWords.some((word) => word.startsWith(token))) score += 10;
    else if (!item.keywordWords.some((word) => word.startsWith(token))) return 0;
  }
  if (item.description.startsWith(phrase)) score += 40;
  else if (item.description.includes(phrase)) score += 20;
  return score;
}

/**
 * Ranked search: an exact code first, then codes that start with the query, then entries whose
 * words start with every typed word (description before synonyms, phrase and leading matches
 * first). Billable entries win ties so the code a claim needs is at hand.
 */
export function searchIcd10(query: string, options: Icd10SearchOptions = {}): Icd10SearchHit[] {
  const { limit = 20, billableOnly = false } = options;
  const phrase = normalizeForSearch(query);
  if (phrase.length === 0) return [];
  const compactQuery = phrase.toUpperCase().replace(/[\s.]/g, '');
  const looksLikeCode = /^[A-Z][0-9]/.test(compactQuery);
  const tokens = words(query);
  const hits: Icd10SearchHit[] = [];
  for (const item of INDEX) {
    if (billableOnly && !item.entry.billable) continue;
    const score = Math.max(
      looksLikeCode ? codeScore(item, compactQuery) : 0,
      wordScore(item, tokens, phrase),
    );
    if (score > 0) hits.push({ entry: item.entry, score: score + (item.entry.billable ? 1 : 0) });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code));
  return hits.slice(0, limit);
}
