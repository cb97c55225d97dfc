// Classes as the drugs' US prescribing information (DailyMed) names them: sertraline, fluoxetine,
// citalopram, escitalopram, paroxetine are SSRIs; venlafaxine, duloxetine, desvenlafaxine SNRIs.
import { describe, expect, it } from 'vitest';
import { medicationSchema, newMedicationSchema } from './health-history.schema.ts';
import {
  classOfMedication,
  findMedication,
  MEDICATION_CATALOGUE,
  searchMedications,
} from './medication-catalogue.ts';

const recorded = { recordedAt: '2026-11-23T08:00:00Z', recordedBy: 'therapist-1' };

describe('medication catalogue', () => {
  it.each([
    ['sertraline', 'ssri'],
    ['Sertraline 50 mg', 'ssri'],
    ['sertraline HCl', 'ssri'],
    ['Zoloft', 'ssri'],
    ['fluoxetine', 'ssri'],
    ['citalopram', 'ssri'],
    ['escitalopram', 'ssri'],
    ['paroxetine', 'ssri'],
    ['venlafaxine', 'snri'],
    ['duloxetine', 'snri'],
    ['desvenlafaxine', 'snri'],
    ['Cymbalta 60 mg', 'snri'],
    ['warfarin', 'anticoagulant'],
    ['apixaban', 'anticoagulant'],
    ['Eliquis', 'anticoagulant'],
    ['rivaroxaban', 'anticoagulant'],
    ['dabigatran', 'anticoagulant'],
    ['enoxaparin', 'anticoagulant'],
    ['heparin', 'anticoagulant'],
    ['clopidogrel', 'antiplatelet'],
    ['aspirin 81 mg', 'antiplatelet'],
    ['ibuprofen', 'nsaid'],
    ['Advil', 'nsaid'],
    ['naproxen', 'nsaid'],
    ['diclofenac gel', 'nsaid'],
    ['celecoxib', 'nsaid'],
    ['prednisone', 'corticosteroid'],
    ['cyclobenzaprine', 'muscle_relaxant'],
    ['tizanidine', 'muscle_relaxant'],
    ['methocarbamol', 'muscle_relaxant'],
    ['oxycodone', 'opioid_analgesic'],
    ['insulin glargine', 'insulin_antidiabetic'],
  ] as const)('%s → %s', (name, cls) => expect(classOfMedication(name)).toBe(cls));

  it('takes the longest name, so desvenlafaxine is not venlafaxine', () => {
    expect(findMedication('desvenlafaxine')?.generic).toBe('desvenlafaxine');
    expect(findMedication('levomilnacipran')?.generic).toBe('levomilnacipran');
  });

  it('does not guess from a word later in the name, or from an unknown drug', () => {
    expect(classOfMedication('not on warfarin')).toBeUndefined();
    expect(classOfMedication('levothyroxine')).toBeUndefined();
    expect(classOfMedication('')).toBeUndefined();
  });

  it('searches generic and brand names by what has been typed', () => {
    expect(searchMedications('ser').map((m) => m.generic)).toEqual(['sertraline']);
    expect(searchMedications('zol').map((m) => m.generic)).toEqual(['sertraline']);
    expect(searchMedications('')).toEqual([]);
  });

  it('lists every generic once', () => {
    const generics = MEDICATION_CATALOGUE.map((m) => m.generic);
    expect(new Set(generics).size).toBe(generics.length);
  });
});

describe('recording a medication by name', () => {
  it('stores the name and the class the catalogue gives it', () => {
    const parsed = medicationSchema.parse({ ...recorded, name: 'Sertraline', dose: '50 mg' });
    expect(parsed).toMatchObject({ name: 'Sertraline', class: 'ssri', dose: '50 mg' });
    expect(newMedicationSchema.parse({ name: 'ibuprofen', class: '' })).toMatchObject({ class: 'nsaid' });
  });

  it('keeps a class chosen by hand, and older class-only entries as they are', () => {
    expect(medicationSchema.parse({ ...recorded, name: 'Sertraline', class: 'antidepressant' }).class).toBe(
      'antidepressant',
    );
    expect(
      medicationSchema.parse({ ...recorded, name: 'Antidepressant', class: 'antidepressant' }).class,
    ).toBe('antidepressant');
  });

  it('asks for the class when the name is not catalogued', () => {
    const result = medicationSchema.safeParse({ ...recorded, name: 'Levothyroxine' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['class'] });
    expect(result.error?.issues[0]?.message).toMatch(/Choose the medication class/);
  });
});
