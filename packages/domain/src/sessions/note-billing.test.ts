import { describe, expect, it } from 'vitest';
import { signedVisit } from './example-note.fixture.ts';
import { billingCodeForLine, noteBilling } from './note-billing.ts';
import type { DraftTechniqueLine } from './session-note.schema.ts';

// Sources: CMS Medicare Claims Processing Manual (Pub. 100-04), chapter 5, §20.2 (units from the
// visit's total timed minutes); CMS Medicare Benefit Policy Manual (Pub. 100-02), chapter 15,
// §220.3 E (a treatment note states total timed minutes and total treatment time); NCCI edits
// for the 97140/97530 pair as summarised in clinical-reference.md; issue 5 for the visit.

const units = (lines: DraftTechniqueLine[], rule?: 'cms_total_time' | 'per_code_midpoint') =>
  Object.fromEntries(noteBilling(lines, rule).lines.map((line) => [line.code, [line.minutes, line.units]]));

describe('minutes per billing code from technique lines', () => {
  it('issue 5 visit: 25 min 97140 (myofascial + trigger point) and 13 min 97124 → 2 + 1', () => {
    const billing = noteBilling(signedVisit.objective.techniques);
    expect(units(signedVisit.objective.techniques)).toEqual({ '97140': [25, 2], '97124': [13, 1] });
    expect(billing.totalTimedMinutes).toBe(38);
    expect(billing.totalTimedUnits).toBe(3);
    expect(billing.totalTreatmentMinutes).toBe(38);
  });

  it.each<[string, DraftTechniqueLine[], Record<string, [number, number]>]>([
    [
      'a billing code chosen on the line wins over the technique’s usual one',
      [
        { techniqueId: 'myofascial_release', minutes: 20, billingCode: '97124' },
        { techniqueId: 'swedish_effleurage', minutes: 10 },
      ],
      { '97124': [30, 2] },
    ],
    [
      'stretching bills under therapeutic exercise',
      [
        { techniqueId: 'assisted_stretching', minutes: 8 },
        { techniqueId: 'trigger_point_therapy', minutes: 30 },
      ],
      { '97110': [8, 1], '97140': [30, 2] },
    ],
    [
      'a hot pack is untimed: one unit, outside the timed total',
      [
        { techniqueId: 'hot_pack', minutes: 10 },
        { techniqueId: 'myofascial_release', minutes: 20 },
      ],
      { '97010': [10, 1], '97140': [20, 1] },
    ],
  ])('%s', (_label, lines, expected) => {
    expect(units(lines)).toEqual(expected);
  });

  it('counts timed and untimed minutes in the treatment total', () => {
    const billing = noteBilling([
      { techniqueId: 'hot_pack', minutes: 10 },
      { techniqueId: 'myofascial_release', minutes: 20 },
    ]);
    expect([billing.totalTimedMinutes, billing.totalTreatmentMinutes]).toEqual([20, 30]);
  });

  it('applies the per-code rule when the payer uses it', () => {
    const lines: DraftTechniqueLine[] = [
      { techniqueId: 'myofascial_release', minutes: 8 },
      { techniqueId: 'swedish_effleurage', minutes: 8 },
    ];
    expect(units(lines)).toEqual({ '97140': [8, 1], '97124': [8, 0] });
    expect(units(lines, 'per_code_midpoint')).toEqual({ '97140': [8, 1], '97124': [8, 1] });
  });

  it('leaves out lines still being typed and says which', () => {
    const billing = noteBilling([
      { techniqueId: 'myofascial_release' },
      { minutes: 10 },
      { techniqueId: 'swedish_effleurage', minutes: 10 },
    ]);
    expect(billing.incompleteLines).toEqual([0, 1]);
    expect(billing.totalTimedMinutes).toBe(10);
  });

  it('warns when manual therapy and therapeutic activities are both billed', () => {
    const billing = noteBilling([
      { techniqueId: 'myofascial_release', minutes: 15 },
      { techniqueId: 'pnf_stretching', minutes: 15, billingCode: '97530' },
    ]);
    expect(billing.distinctBlockWarnings).toEqual([
      '97140 with 97530: bill both only for distinct 15-minute blocks, with modifier 59 or XS',
    ]);
  });

  it.each<[DraftTechniqueLine, string | undefined]>([
    [{ techniqueId: 'deep_tissue' }, '97124'],
    [{ techniqueId: 'deep_tissue', billingCode: '97140' }, '97140'],
    [{ techniqueId: 'reiki' }, undefined],
    [{}, undefined],
  ])('billing code of %j is %s', (line, code) => {
    expect(billingCodeForLine(line)).toBe(code);
  });
});
