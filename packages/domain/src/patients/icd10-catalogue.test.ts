/**
 * Source: ICD-10-CM FY2026 code set and Tabular List (CMS/NCHS, effective 2025-10-01), and the
 * ICD-10-CM Official Guidelines for Coding and Reporting FY2026 (I.B.1, I.C.19.a: 7th characters
 * A/D/S with placeholder X). Facts checked: M54.5 is a category since FY2022, G35 since FY2026,
 * G20 since FY2024; a code is billable only at its deepest level.
 */
import { describe, expect, it } from 'vitest';
import { ICD10_CATALOGUE, icd10Chapter } from './icd10-catalogue.ts';

const codes = ICD10_CATALOGUE.map((entry) => entry.code);
const compact = (code: string) => code.replace('.', '');
const hasChild = (code: string) =>
  codes.some((other) => other !== code && compact(other).startsWith(compact(code)));

describe('ICD-10-CM catalogue', () => {
  it('holds at least 150 distinct codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(150);
  });

  it('writes every code in ICD-10-CM shape (letter, two characters, optional decimal part)', () => {
    for (const code of codes) expect(code).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
  });

  it('never marks a code with children billable, and lists a child for every category it carries', () => {
    for (const entry of ICD10_CATALOGUE)
      expect({ code: entry.code, billable: entry.billable }).toEqual({
        code: entry.code,
        billable: !hasChild(entry.code),
      });
  });

  it.each([
    ['M54.5', false],
    ['M54.50', true],
    ['M54.51', true],
    ['M54.59', true],
    ['M54.2', true],
    ['M54.3', false],
    ['M54.31', true],
    ['G35', false],
    ['G35.A', true],
    ['G35.B1', true],
    ['G35.D', true],
    ['G20', false],
    ['G20.C', true],
    ['M79.1', false],
    ['M79.18', true],
    ['M79.7', true],
    ['M72.2', true],
    ['G56.0', false],
    ['G56.01', true],
    ['G43.909', true],
    ['G44.209', true],
    ['M26.603', true],
    ['I89.0', true],
    ['I97.2', true],
    ['Z47.1', true],
    ['Z48.812', true],
    ['O99.89', true],
    ['O26.893', true],
    ['Z3A', false],
    ['Z3A.24', true],
    ['S13.4XXA', true],
    ['S39.012A', true],
  ])('%s billable: %s', (code, billable) => {
    expect(ICD10_CATALOGUE.find((entry) => entry.code === code)?.billable).toBe(billable);
  });

  it('gives injury codes a 7th character A, D or S with X placeholders', () => {
    for (const code of codes.filter((c) => c.startsWith('S')))
      expect(code).toMatch(/^S\d{2}\.[0-9X]{3}[ADS]$/);
  });

  it('has one Z3A code for each completed week from 8 to 42', () => {
    for (let week = 8; week <= 42; week++) expect(codes).toContain(`Z3A.${String(week).padStart(2, '0')}`);
  });

  it.each([
    ['M54.50', 13],
    ['G43.909', 6],
    ['O26.893', 15],
    ['Z3A.24', 21],
    ['S13.4XXA', 19],
    ['I89.0', 9],
    ['C50.911', 2],
    ['D69.6', 3],
    ['E11.42', 4],
    ['F43.10', 5],
    ['U07.1', 22],
    ['R52', 18],
  ])('puts %s in chapter %i', (code, chapter) => {
    expect(icd10Chapter(code)).toBe(chapter);
    expect(ICD10_CATALOGUE.find((entry) => entry.code === code)?.chapter).toBe(chapter);
  });
});
