/**
 * Sources: the screening rules and their citations (docs/clinical-sources/screening.md); pregnancy
 * dating by Naegele's rule and ICD-10-CM chapter 15 trimesters (pregnancy.ts).
 */
import { describe, expect, it } from 'vitest';
import { AS_OF, condition, medication, pregnantFor, surgery } from '../screening/screening-fixtures.ts';
import { patientAlerts } from './patient-alerts.ts';

const by = { recordedAt: `${AS_OF}T08:00:00Z`, recordedBy: 'therapist-1' };

describe('patientAlerts', () => {
  it('shows nothing for a patient with no history (endangerment sites are not an alert)', () => {
    expect(patientAlerts({}, AS_OF)).toEqual([]);
  });

  it('lists contraindications, allergies, pregnancy with weeks and devices, most serious first', () => {
    const alerts = patientAlerts(
      {
        medications: [medication('Warfarin', 'anticoagulant')],
        surgeries: [surgery(21, 'lumbar')],
        pregnancy: pregnantFor(24, 3),
        allergies: [
          { ...by, substance: 'Lavender oil', category: 'essential_oil', severity: 'mild' },
          {
            ...by,
            substance: 'Sweet almond oil',
            category: 'nut_oil',
            severity: 'severe',
            reaction: 'Hives',
          },
        ],
        devices: [{ ...by, kind: 'pacemaker' }],
      },
      AS_OF,
    );
    expect(alerts.map((a) => [a.kind, a.level, a.ruleId ?? a.label])).toEqual([
      ['allergy', 'danger', 'Allergy: Sweet almond oil'],
      ['contraindication', 'warning', 'avoid.surgical_site_recent'],
      ['contraindication', 'warning', 'modify.bleeding_risk'],
      ['contraindication', 'warning', 'modify.pregnancy_legs'],
      ['contraindication', 'warning', 'modify.pregnancy_no_supine'],
      ['pregnancy', 'warning', 'Pregnant, 24 weeks 3 days (trimester 2)'],
      ['allergy', 'info', 'Allergy: Lavender oil'],
      ['device', 'info', 'Pacemaker'],
    ]);
  });

  it.each([
    [pregnantFor(30, 0, true), 'danger', 'Pregnant, 30 weeks 0 days (trimester 3), high-risk'],
    [pregnantFor(45), undefined, undefined],
  ])('pregnancy alert for %j', (pregnancy, level, label) => {
    const alert = patientAlerts({ pregnancy }, AS_OF).find((a) => a.kind === 'pregnancy');
    expect(alert?.level).toBe(level);
    expect(alert?.label).toBe(label);
  });

  it('raises a stop-level condition as danger', () => {
    const alerts = patientAlerts({ conditions: [condition('I82.409')] }, AS_OF);
    expect(alerts[0]).toMatchObject({ kind: 'contraindication', level: 'danger', ruleId: 'stop.dvt_pe' });
  });
});
