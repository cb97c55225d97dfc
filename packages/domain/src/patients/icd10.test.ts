/**
 * Source: ICD-10-CM FY2026 code set (CMS/NCHS); claims carry codes without the decimal point
 * (ASC X12 837P 005010X222A1, HI segment). Search behaviour is the project's own.
 */
import { describe, expect, it } from 'vitest';
import {
  billableChildren,
  icd10ForClaim,
  isBillableIcd10,
  lookupIcd10,
  normalizeIcd10Code,
  searchIcd10,
} from './icd10.ts';

describe('normalizeIcd10Code', () => {
  it.each([
    ['m5450', 'M54.50'],
    [' M54.50 ', 'M54.50'],
    ['m54.5', 'M54.5'],
    ['R52', 'R52'],
    ['s134xxa', 'S13.4XXA'],
    ['not a code', 'NOT A CODE'],
  ])('%j → %s', (input, expected) => expect(normalizeIcd10Code(input)).toBe(expected));
});

describe('lookup and billable', () => {
  it.each([
    ['M54.50', true],
    ['m5450', true],
    ['M54.5', false],
    ['G35', false],
    ['G35.A', true],
    ['Z99.99', false],
    ['', false],
  ])('%s billable: %s', (code, billable) => expect(isBillableIcd10(code)).toBe(billable));

  it('finds an entry by any spelling of its code', () => {
    expect(lookupIcd10('m5431')?.description).toMatch(/Sciatica, right/);
    expect(lookupIcd10('X00.0')).toBeUndefined();
  });

  it('suggests the billable codes under a category', () => {
    expect(billableChildren('M54.5').map((e) => e.code)).toEqual(['M54.50', 'M54.51', 'M54.59']);
    expect(billableChildren('G35').map((e) => e.code)).toContain('G35.D');
  });

  it('drops the decimal point for claims', () => {
    expect(icd10ForClaim('M54.31')).toBe('M5431');
    expect(icd10ForClaim('S13.4XXA')).toBe('S134XXA');
  });
});

describe('searchIcd10', () => {
  const top = (query: string, n = 1) =>
    searchIcd10(query)
      .slice(0, n)
      .map((hit) => hit.entry.code);

  it.each([
    ['M54.31', ['M54.31']],
    ['m5431', ['M54.31']],
    ['G35', ['G35']],
    ['sciatica right', ['M54.31']],
    ['SCIATICA, RIGHT', ['M54.31']],
    ['fibromyalgia', ['M79.7']],
    ['FIBROMYÁLGIA', ['M79.7']],
    ['plantar fasciitis', ['M72.2']],
    ['whiplash initial', ['S13.4XXA']],
    ['carpal tunnel right', ['G56.01']],
    ['postmastectomy', ['I97.2']],
  ])('%j ranks %j first', (query, expected) => expect(top(query, expected.length)).toEqual(expected));

  it('lists codes under a typed prefix, shortest first', () => {
    expect(top('M54.5', 4)).toEqual(['M54.5', 'M54.50', 'M54.51', 'M54.59']);
  });

  it('requires every word to match', () => {
    expect(
      searchIcd10('low back pain').every((hit) =>
        /low back/i.test(hit.entry.description + hit.entry.keywords),
      ),
    ).toBe(true);
    expect(searchIcd10('migraine kneecap')).toEqual([]);
  });

  it('can leave out categories and respects the limit', () => {
    const codes = searchIcd10('low back pain', { billableOnly: true }).map((hit) => hit.entry.code);
    expect(codes).toContain('M54.50');
    expect(codes).not.toContain('M54.5');
    expect(searchIcd10('pain', { limit: 5 })).toHaveLength(5);
    expect(searchIcd10('   ')).toEqual([]);
  });
});
