/**
 * Sources: ICD-10-CM FY2026 code set (codes must exist in the catalogue); the EDD limits follow
 * Naegele's 280-day convention (see pregnancy.ts). Every item is dated and attributed, as the
 * design requires for audited screening decisions.
 */
import { describe, expect, it } from 'vitest';
import {
  conditionSchema,
  healthHistorySchema,
  pregnancySchema,
  regionTargetSchema,
} from './health-history.schema.ts';

const by = { recordedAt: '2026-11-23T09:00:00Z', recordedBy: 'user-1' };

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => issue.path.join('.')) ?? []);

describe('health history items', () => {
  it.each([
    ['a known code', { ...by, code: 'm5431', status: 'active' }, []],
    ['free wording', { ...by, label: 'Old shoulder complaint', status: 'resolved' }, []],
    ['an unknown code', { ...by, code: 'M54.99', status: 'active' }, ['code']],
    ['neither code nor wording', { ...by, status: 'active' }, ['code']],
    ['no author', { recordedAt: by.recordedAt, code: 'M79.7', status: 'active' }, ['recordedBy']],
    ['a bad status', { ...by, code: 'M79.7', status: 'better' }, ['status']],
  ])('condition with %s', (_, input, paths) => {
    expect(issuePaths(conditionSchema.safeParse(input))).toEqual(paths);
  });

  it('normalises the code the way it is catalogued', () => {
    expect(conditionSchema.parse({ ...by, code: 'm5431', status: 'active' }).code).toBe('M54.31');
  });

  it.each([
    [{ regionId: 'lumbar' }, true],
    [{ regionId: 'calf', side: 'left' }, true],
    [{ regionId: 'calf' }, true],
    [{ regionId: 'lumbar', side: 'left' }, false],
    [{ regionId: 'elbow' }, false],
  ])('region %j accepted: %s', (input, ok) => expect(regionTargetSchema.safeParse(input).success).toBe(ok));

  it.each([
    ['2027-03-12', []],
    ['2027-11-08', ['edd']], // 50 weeks after the day it was recorded
    ['2026-01-10', ['edd']],
    ['2027-02-30', ['edd']],
  ])('pregnancy with EDD %s', (edd, paths) => {
    expect(issuePaths(pregnancySchema.safeParse({ ...by, edd }))).toEqual(paths);
  });

  it('accepts a full history and defaults a pregnancy to not high-risk', () => {
    const parsed = healthHistorySchema.parse({
      conditions: [{ ...by, code: 'M54.31', status: 'active' }],
      surgeries: [
        {
          ...by,
          date: '2026-11-02',
          description: 'Lumbar microdiscectomy',
          regions: [{ regionId: 'lumbar' }],
        },
      ],
      injuries: [
        { ...by, kind: 'fracture', date: '2026-10-01', regions: [{ regionId: 'wrist', side: 'right' }] },
      ],
      medications: [{ ...by, name: 'Warfarin', class: 'anticoagulant' }],
      allergies: [{ ...by, substance: 'Sweet almond oil', category: 'nut_oil', severity: 'severe' }],
      pregnancy: { ...by, edd: '2027-03-12' },
      devices: [{ ...by, kind: 'pacemaker', regions: [{ regionId: 'chest', side: 'left' }] }],
      labs: [{ ...by, test: 'platelets', perMicroliter: 180_000, takenOn: '2026-11-01' }],
      radiation: [
        {
          ...by,
          regions: [{ regionId: 'breast', side: 'left' }],
          startedOn: '2026-01-05',
          endedOn: '2026-02-20',
        },
      ],
    });
    expect(parsed.pregnancy?.highRisk).toBe(false);
  });

  it.each([
    [
      'a surgery without a site',
      { surgeries: [{ ...by, date: '2026-11-02', description: 'x', regions: [] }] },
      'surgeries.0.regions',
    ],
    [
      'an unknown medication class',
      { medications: [{ ...by, name: 'x', class: 'herbal' }] },
      'medications.0.class',
    ],
    [
      'an allergy without severity',
      { allergies: [{ ...by, substance: 'Latex', category: 'latex' }] },
      'allergies.0.severity',
    ],
    [
      'a negative platelet count',
      { labs: [{ ...by, test: 'platelets', perMicroliter: -1, takenOn: '2026-11-01' }] },
      'labs.0.perMicroliter',
    ],
  ])('refuses %s', (_, input, path) => {
    expect(issuePaths(healthHistorySchema.safeParse(input))).toEqual([path]);
  });
});
