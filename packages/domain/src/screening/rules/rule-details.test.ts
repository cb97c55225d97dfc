/**
 * Sources: Medicine Hands, 3rd ed. (2014) for the at-risk quadrant after lymph-node removal and
 * light touch over irradiated skin; National MS Society, Massage and Bodywork, for short, cool,
 * non-fatiguing sessions; the referral's structured precautions for physician rules. Checks what
 * each finding tells the plan and the safety gate, beyond whether it fires.
 */
import { describe, expect, it } from 'vitest';
import type { Precaution } from '../../referrals/referral.schema.ts';
import { conceptsOf } from '../condition-concepts.ts';
import { screen } from '../engine.ts';
import { condition, radiation, screeningInput, surgery } from '../screening-fixtures.ts';

const finding = (ruleId: string, ...args: Parameters<typeof screeningInput>) =>
  screen(screeningInput(...args)).findings.filter((f) => f.ruleId === ruleId);

describe('conceptsOf', () => {
  it.each([
    ['I82.409', ['dvt_pe']],
    ['I16.9', ['hypertension', 'hypertensive_crisis']],
    ['C50.911', ['cancer']],
    ['Z85.3', []],
    ['E11.42', ['diabetic_neuropathy']],
    ['E11.9', []],
    ['G35.A', ['multiple_sclerosis']],
    [undefined, []],
  ])('%s → %j', (code, concepts) => expect([...conceptsOf(code)]).toEqual(concepts));
});

describe('lymph-node removal quadrant', () => {
  it.each([
    [
      'axillary',
      'left',
      ['axilla', 'upper_arm_anterior', 'hand_palm', 'chest', 'breast'],
      ['calf', 'abdomen'],
    ],
    ['inguinal', 'right', ['thigh_medial', 'calf', 'foot_plantar'], ['axilla', 'chest']],
  ] as const)('%s %s covers the limb on that side only', (site, side, inside, outside) => {
    const [f] = finding('modify.lymph_node_quadrant', {
      surgeries: [surgery(400, 'breast', { lymphNodeRemoval: { site, side } })],
    });
    const regions = f?.modification?.regions ?? [];
    expect(regions.every((r) => r.side === side)).toBe(true);
    const ids = regions.map((r) => r.regionId);
    expect(ids).toEqual(expect.arrayContaining([...inside]));
    for (const id of outside) expect(ids).not.toContain(id);
    expect(f?.modification?.maxPressure).toBe(2);
  });
});

describe('radiation field', () => {
  it('is avoided while fresh, then light touch on the same regions', () => {
    expect(finding('avoid.radiation_field', { radiation: [radiation(10)] })[0]?.regions).toEqual([
      { regionId: 'breast', side: 'left' },
    ]);
    expect(finding('modify.radiation_skin', { radiation: [radiation(100)] })[0]?.modification).toMatchObject({
      maxPressure: 1,
      regions: [{ regionId: 'breast', side: 'left' }],
    });
  });
});

describe('condition sites', () => {
  it('falls back to the usual site when a condition has none marked', () => {
    const [varicose] = finding('avoid.vascular', { conditions: [condition('I83.93')] });
    expect(varicose?.regions?.map((r) => r.regionId)).toContain('calf');
    const [marked] = finding('avoid.vascular', {
      conditions: [condition('I83.91', { regions: [{ regionId: 'calf', side: 'right' }] })],
    });
    expect(marked?.regions).toEqual([{ regionId: 'calf', side: 'right' }]);
  });

  it('keeps numb areas of neuropathy to light pressure', () => {
    const [f] = finding('modify.diabetic_neuropathy', { conditions: [condition('E11.42')] });
    expect(f?.modification).toMatchObject({
      maxPressure: 2,
      excludedTechniqueTags: ['deep_pressure', 'heat'],
    });
    expect(f?.modification?.regions?.map((r) => r.regionId)).toContain('foot_plantar');
  });

  it('shortens and cools sessions in MS remission', () => {
    const [f] = finding('modify.ms_remission', { conditions: [condition('G35.A')] });
    expect(f?.modification).toMatchObject({ maxSessionMinutes: 45, checkInEveryMinutes: 10 });
    expect(f?.modification?.excludedTechniqueTags).toContain('heat');
  });
});

describe('physician precautions', () => {
  const leftCalf = [{ regionId: 'calf', side: 'left' as const }];
  it.each([
    [
      { kind: 'no_deep_pressure', regions: leftCalf },
      { excludedTechniqueTags: ['deep_pressure'], regions: leftCalf },
      /no deep pressure on Calf \(left\)/,
    ],
    [{ kind: 'max_pressure', pressure: 2 }, { maxPressure: 2 }, /no more than 2 of 5/],
    [
      { kind: 'no_position', position: 'side_lying' },
      { excludedPositions: ['side_lying'] },
      /no side-lying position/,
    ],
    [{ kind: 'no_heat' }, { excludedTechniqueTags: ['heat'] }, /no heat/],
    [
      { kind: 'no_joint_mobilisation' },
      { excludedTechniqueTags: ['joint_mobilisation'] },
      /no joint mobilisation/,
    ],
    [{ kind: 'max_session_minutes', minutes: 30 }, { maxSessionMinutes: 30 }, /at most 30 minutes/],
  ] as [Precaution, object, RegExp][])('%j', (precaution, modification, words) => {
    const [f] = finding('physician.precaution', {}, {}, [precaution]);
    expect(f?.modification).toEqual(modification);
    expect(f?.reason).toMatch(words);
  });
});
