// Sources: Magee DJ. Orthopedic Physical Assessment, 6th ed. 2014; Cook CE, Hegedus EJ. Orthopedic
// Physical Examination Tests, 2nd ed. 2013; each test's original paper as cited in the catalogue;
// mouth-opening threshold from the DC/TMD (Schiffman E et al. J Oral Facial Pain Headache 2014).
// ICD-10-CM categories from the FY2026 tabular list.
import { describe, expect, it } from 'vitest';
import {
  findSpecialTest,
  positiveFindings,
  SPECIAL_TESTS,
  specialTestResultSchema,
} from './special-tests.ts';

describe('special-test catalogue', () => {
  it.each([
    ['phalen', 'G56.0'],
    ['reverse_phalen', 'G56.0'],
    ['tinel_wrist', 'G56.0'],
    ['spurling', 'M54.12'],
    ['adson', 'G54.0'],
    ['roos', 'G54.0'],
    ['wright', 'G54.0'],
    ['straight_leg_raise', 'M54.3'],
    ['slump', 'M54.3'],
    ['faber', 'M25.55'],
    ['fair', 'G57.0'],
    ['thomas', 'M62.45'],
    ['ober', 'M76.3'],
    ['hawkins_kennedy', 'M75.4'],
    ['neer', 'M75.4'],
    ['empty_can', 'M75.1'],
    ['finkelstein', 'M65.4'],
    ['cervical_distraction', 'M54.12'],
    ['tmj_palpation', 'M26.6'],
    ['tmj_opening', 'M26.6'],
  ])('%s points towards %s', (id, code) => {
    const entry = findSpecialTest(id);
    expect(entry?.icd10.map((a) => a.code)).toContain(code);
    expect(entry?.suggests.length).toBeGreaterThan(5);
    expect(entry?.source.length).toBeGreaterThan(10);
  });

  it('has unique ids and well-formed ICD-10-CM categories', () => {
    const ids = SPECIAL_TESTS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of SPECIAL_TESTS)
      for (const a of t.icd10) expect(a.code).toMatch(/^[A-Z][0-9]{2}\.[0-9A-Z]{1,4}$/);
  });
});

describe('special-test result schema', () => {
  it.each([
    ['positive Spurling on the right', { testId: 'spurling', result: 'positive', side: 'right' }, true],
    ['Spurling without a side', { testId: 'spurling', result: 'positive' }, false],
    [
      'cervical distraction with a side',
      { testId: 'cervical_distraction', result: 'negative', side: 'left' },
      false,
    ],
    ['an unknown test', { testId: 'magic', result: 'positive' }, false],
    ['an unknown result', { testId: 'spurling', result: 'maybe', side: 'left' }, false],
    [
      'mouth opening 32 mm recorded as positive',
      { testId: 'tmj_opening', result: 'positive', measurementMm: 32 },
      true,
    ],
    [
      'mouth opening 32 mm recorded as negative',
      { testId: 'tmj_opening', result: 'negative', measurementMm: 32 },
      false,
    ],
    [
      'mouth opening 40 mm recorded as negative',
      { testId: 'tmj_opening', result: 'negative', measurementMm: 40 },
      true,
    ],
    [
      'mouth opening 38 mm recorded as equivocal',
      { testId: 'tmj_opening', result: 'equivocal', measurementMm: 38 },
      true,
    ],
    [
      'a measurement on a test without one',
      { testId: 'phalen', result: 'positive', side: 'left', measurementMm: 10 },
      false,
    ],
  ])('%s → %s', (_label, input, ok) => {
    expect(specialTestResultSchema.safeParse(input).success).toBe(ok);
  });
});

describe('positive findings in words', () => {
  it('lists only positive tests, with side and measurement', () => {
    const results = [
      { testId: 'spurling', result: 'positive', side: 'right' },
      { testId: 'phalen', result: 'negative', side: 'left' },
      { testId: 'tmj_opening', result: 'positive', measurementMm: 34 },
      { testId: 'slump', result: 'equivocal', side: 'left' },
    ].map((r) => specialTestResultSchema.parse(r));
    expect(positiveFindings(results).map((f) => f.text)).toEqual([
      'Positive Spurling test on the right: suggests cervical radiculopathy (nerve root compression at the foramen).',
      'Positive Maximum mouth opening (34 mm): suggests limited mouth opening (masticatory muscle or joint restriction).',
    ]);
  });
});
