/**
 * Source: Unicode Standard Annex #15 (Normalization Forms, NFKD decomposition) for stripping
 * diacritics; Damerau–Levenshtein distance (optimal string alignment) for typo tolerance.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, nameMatches, nameTokens, normalizeForSearch } from './name-search.ts';

describe('normalizeForSearch', () => {
  it.each([
    ['José  García', 'jose garcia'],
    ['  ZOË\tO’Neil ', 'zoe o’neil'],
    ['Łukasz Ørsted', 'lukasz orsted'],
    ['Straße', 'strasse'],
    ['Ｊｏｈｎ', 'john'],
    ['Nguyễn Thị', 'nguyen thi'],
  ])('%j → %j', (input, expected) => expect(normalizeForSearch(input)).toBe(expected));

  it('splits names into tokens at hyphens and apostrophes', () => {
    expect(nameTokens("Mary-Jane O'Brien")).toEqual(['mary', 'jane', 'o', 'brien']);
  });
});

describe('editDistance', () => {
  it.each([
    ['john', 'john', 0],
    ['jonh', 'john', 1],
    ['jon', 'john', 1],
    ['smith', 'smyth', 1],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s = %i', (a, b, distance) => expect(editDistance(a, b)).toBe(distance));

  it('stops early once past the limit', () => expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2));
});

describe('nameMatches', () => {
  it.each([
    ['garcia', 'José García', true],
    ['jose garc', 'José García', true],
    ['Jonh', 'John Smith', true],
    ['smiht john', 'John Smith', true],
    ['Cathrine', 'Catherine Zeta', true],
    ['jon', 'John Smith', false],
    ['jane', 'John Smith', false],
    ['', 'John Smith', false],
    ['obrien', "Mary O'Brien", true],
    ['brien', "Mary O'Brien", true],
  ])('%j finds %j: %s', (query, name, expected) => expect(nameMatches(query, name)).toBe(expected));
});
