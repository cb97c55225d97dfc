/**
 * Sources: the flagship case of the product's issue 3 (anticoagulant, 24 weeks pregnant, lumbar
 * surgery 21 days ago; then a 38.2 °C fever), checked against the rule sources in
 * docs/clinical-sources/screening.md: A Massage Therapist's Guide to Pathology, 7th ed. (2019);
 * ACOG Committee Opinion 804 (supine position); CDC fever definition (≥ 38 °C); FSMTB MBLEx
 * Content Outline (2023) for endangerment sites.
 */
import { describe, expect, it } from 'vitest';
import { ENDANGERMENT_SITES } from '../body/regions.ts';
import { overallDecision, screen, sortFindings } from './engine.ts';
import { screeningInput as input, medication as med, pregnantFor, surgery } from './screening-fixtures.ts';
import type { ScreeningInput } from './screening-input.schema.ts';
import type { ScreeningFinding } from './types.ts';

const ruleIds = (i: ScreeningInput) => screen(i).findings.map((f) => f.ruleId);

describe('endangerment sites', () => {
  it('are always listed as a standing precaution that alone still lets the visit proceed', () => {
    const result = screen(input());
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'modify.endangerment_sites',
      standing: true,
      modification: { excludedTechniqueTags: ['deep_pressure', 'sustained_compression'] },
    });
    expect(result.findings[0]!.modification!.regions!.map((r) => r.regionId)).toEqual([
      ...ENDANGERMENT_SITES,
    ]);
    expect(result.decision).toBe('proceed');
  });
});

describe('the flagship case: warfarin, 24 weeks pregnant, lumbar surgery 21 days ago', () => {
  const history = {
    medications: [med('Warfarin', 'anticoagulant')],
    pregnancy: pregnantFor(24),
    surgeries: [surgery(21, 'lumbar', { description: 'Lumbar microdiscectomy' })],
  };
  const find = (findings: ScreeningFinding[], id: string) => findings.find((f) => f.ruleId === id);

  it('proceeds with care: light pressure, side-lying, no deep on the legs, avoid the lumbar site', () => {
    const { decision, findings } = screen(input(history));
    expect(decision).toBe('proceed_with_care');
    expect(findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual([
      'avoid avoid.surgical_site_recent',
      'modify modify.bleeding_risk',
      'modify modify.pregnancy_legs',
      'modify modify.pregnancy_no_supine',
      'modify modify.endangerment_sites',
    ]);
    expect(find(findings, 'avoid.surgical_site_recent')?.regions).toEqual([{ regionId: 'lumbar' }]);
    expect(find(findings, 'modify.bleeding_risk')?.modification?.maxPressure).toBe(2);
    expect(find(findings, 'modify.pregnancy_no_supine')?.modification).toMatchObject({
      excludedPositions: expect.arrayContaining(['supine']),
      preferredPosition: 'side_lying',
    });
    const legs = find(findings, 'modify.pregnancy_legs')?.modification;
    expect(legs?.excludedTechniqueTags).toContain('deep_pressure');
    expect(legs?.regions?.map((r) => r.regionId)).toEqual(
      expect.arrayContaining(['calf', 'thigh_posterior', 'foot_plantar']),
    );
    expect(find(findings, 'modify.pregnancy_no_supine')?.reason).toMatch(/^24 weeks 0 days pregnant/);
  });

  it('stops when the day-of temperature is 38.2 °C, listing the fever first', () => {
    const { decision, findings } = screen(input(history, { temperature: { value: 38.2, unit: 'C' } }));
    expect(decision).toBe('stop');
    expect(findings[0]).toMatchObject({ ruleId: 'stop.fever', severity: 'stop' });
    expect(findings[0]!.reason).toMatch(/38\.2 °C/);
  });
});

describe('overallDecision and sorting', () => {
  const f = (
    ruleId: string,
    severity: ScreeningFinding['severity'],
    standing?: boolean,
  ): ScreeningFinding => ({
    ruleId,
    severity,
    reason: '',
    source: '',
    ...(standing ? { standing } : {}),
  });

  it.each([
    [[], 'proceed'],
    [[f('s', 'modify', true)], 'proceed'],
    [[f('m', 'modify')], 'proceed_with_care'],
    [[f('a', 'avoid'), f('s', 'modify', true)], 'proceed_with_care'],
    [[f('m', 'modify'), f('x', 'stop')], 'stop'],
  ] as const)('%j → %s', (findings, decision) => expect(overallDecision([...findings])).toBe(decision));

  it('orders stop, avoid, modify, then standing, then by rule id', () => {
    const sorted = sortFindings([
      f('z', 'modify', true),
      f('b', 'modify'),
      f('a', 'avoid'),
      f('c', 'stop'),
      f('a', 'modify'),
    ]);
    expect(sorted.map((x) => x.ruleId)).toEqual(['c', 'a', 'a', 'b', 'z']);
  });

  it('takes clinic thresholds', () => {
    const late = input({ surgeries: [surgery(50, 'lumbar')] });
    expect(ruleIds(late)).not.toContain('avoid.surgical_site_recent');
    expect(screen(late, { thresholds: { surgicalSiteDays: 56 } }).findings.map((x) => x.ruleId)).toContain(
      'avoid.surgical_site_recent',
    );
  });
});

describe('issue 13: medications by name and allergies reach the findings', () => {
  it('sertraline by name with ibuprofen: bleeding caution in plain words, with the labelling cited', () => {
    const finding = screen(
      input({ medications: [med('Sertraline 50 mg', 'ssri'), med('Ibuprofen', 'nsaid')] }),
    ).findings.find((f) => f.ruleId === 'modify.serotonergic_bleeding');
    expect(finding?.reason).toMatch(/Lighter pressure, no deep work, and watch for bruising/);
    expect(finding?.source).toMatch(/Zoloft \(sertraline\) §5\.3/);
    expect(finding?.modification).toMatchObject({
      maxPressure: 3,
      excludedTechniqueTags: ['deep_pressure', 'vigorous'],
    });
  });

  it('nut-oil allergy: a nut-free lubricant, one finding however many nut allergies', () => {
    const allergy = (substance: string) => ({
      recordedAt: '2026-11-23T08:00:00Z',
      recordedBy: 'therapist-1',
      substance,
      category: 'nut_oil' as const,
      severity: 'moderate' as const,
    });
    const result = screen(input({ allergies: [allergy('Almond oil'), allergy('Macadamia oil')] }));
    const nut = result.findings.filter((f) => f.ruleId === 'modify.allergy_nut_oil');
    expect(nut).toHaveLength(1);
    expect(nut[0]?.reason).toMatch(/^Allergic to Almond oil, Macadamia oil: use a nut-free lubricant/);
    expect(result.decision).toBe('proceed_with_care');
  });
});
