import { describe, expect, it } from 'vitest';
import {
  anticoagulantFinding,
  feverFinding,
  lumbarSurgeryFinding,
  patientFindings,
  pregnancyPositionFinding,
} from '../plans/example-patient.fixture.ts';
import type { ScreeningFinding } from '../screening/types.ts';
import { signedVisit } from './example-note.fixture.ts';
import { checkNoteAgainstFindings, type GatedNote, type GateOverride } from './safety-gate.ts';
import type { DraftTechniqueLine } from './session-note.schema.ts';

// Sources: stop / avoid / modify groups of the FSMTB MBLEx content outline ("contraindications,
// areas of caution, special populations") as summarised in clinical-reference.md; the gate's
// behaviour (stop → postpone only; avoid and modify block unless overridden in writing) is that of
// issue 5, "The safety gate".

const deepLumbar: DraftTechniqueLine = {
  techniqueId: 'deep_tissue',
  regionId: 'lumbar',
  minutes: 10,
  pressure: 4,
  position: 'prone',
};

const noteWith = (...techniques: DraftTechniqueLine[]): GatedNote => ({
  outcome: 'treated',
  objective: { techniques, positions: [...new Set(techniques.flatMap((line) => line.position ?? []))] },
});

const kinds = (note: GatedNote, findings: ScreeningFinding[], overrides: GateOverride[] = []) =>
  checkNoteAgainstFindings(note, findings, overrides).violations.map((violation) => [
    violation.kind,
    violation.ruleId,
    violation.techniqueLine,
    violation.overridden,
  ]);

describe('safety gate', () => {
  it('lets the issue visit through for the issue patient', () => {
    const result = checkNoteAgainstFindings(signedVisit, patientFindings, []);
    expect(result).toMatchObject({ blocked: false, postponementOnly: false, violations: [] });
    expect(result.advisories).toEqual([
      { ruleId: 'pregnancy_after_20_weeks', text: 'Use the side-lying position' },
    ]);
  });

  it('blocks deep tissue on the lumbar region, one violation per finding and kind', () => {
    expect(kinds(noteWith(deepLumbar), patientFindings)).toEqual([
      ['pressure_above_ceiling', 'anticoagulant', 0, false],
      ['excluded_technique', 'anticoagulant', 0, false],
      ['excluded_position', 'pregnancy_after_20_weeks', 0, false],
      ['avoid_region', 'recent_surgery', 0, false],
    ]);
    expect(checkNoteAgainstFindings(noteWith(deepLumbar), patientFindings, []).blocked).toBe(true);
  });

  it.each<[string, GateOverride[], boolean]>([
    [
      'overrides for every rule on the line unblock',
      [
        { ruleId: 'anticoagulant', techniqueLine: 0, reason: 'Physician cleared moderate work' },
        { ruleId: 'pregnancy_after_20_weeks', techniqueLine: 0, reason: 'Prone pillow system' },
        { ruleId: 'recent_surgery', techniqueLine: 0, reason: 'Surgeon cleared the area' },
      ],
      false,
    ],
    [
      'one rule left without an override still blocks',
      [
        { ruleId: 'anticoagulant', techniqueLine: 0, reason: 'Physician cleared moderate work' },
        { ruleId: 'pregnancy_after_20_weeks', techniqueLine: 0, reason: 'Prone pillow system' },
      ],
      true,
    ],
    [
      'an override with a blank reason does not count',
      [
        { ruleId: 'anticoagulant', techniqueLine: 0, reason: '   ' },
        { ruleId: 'pregnancy_after_20_weeks', techniqueLine: 0, reason: 'Prone pillow system' },
        { ruleId: 'recent_surgery', techniqueLine: 0, reason: 'Surgeon cleared the area' },
      ],
      true,
    ],
    [
      'an override for another line does not count',
      [
        { ruleId: 'anticoagulant', techniqueLine: 1, reason: 'Physician cleared moderate work' },
        { ruleId: 'pregnancy_after_20_weeks', techniqueLine: 0, reason: 'Prone pillow system' },
        { ruleId: 'recent_surgery', techniqueLine: 0, reason: 'Surgeon cleared the area' },
      ],
      true,
    ],
  ])('%s', (_label, overrides, blocked) => {
    expect(checkNoteAgainstFindings(noteWith(deepLumbar), patientFindings, overrides).blocked).toBe(blocked);
  });

  it.each<[string, GatedNote, boolean]>([
    [
      'a treated note',
      noteWith({ ...deepLumbar, techniqueId: 'swedish_effleurage', regionId: 'thoracic', pressure: 1 }),
      true,
    ],
    ['postponed with a reason', { outcome: 'postponed', postponedReason: 'Temperature 38.4 °C' }, false],
    ['postponed without a reason', { outcome: 'postponed', postponedReason: ' ' }, true],
    [
      'postponed but documenting treatment',
      { ...noteWith({ techniqueId: 'swedish_effleurage' }), outcome: 'postponed', postponedReason: 'Fever' },
      true,
    ],
  ])('a stop finding: %s → blocked: %s', (_label, note, blocked) => {
    const overrides = [{ ruleId: 'fever', techniqueLine: null, reason: 'Patient insists' }];
    const result = checkNoteAgainstFindings(note, [feverFinding], overrides);
    expect(result.blocked).toBe(blocked);
    expect(result.postponementOnly).toBe(true);
    expect(result.violations[0]).toEqual({
      kind: 'stop',
      ruleId: 'fever',
      techniqueLine: null,
      reason: `Postpone the visit: ${feverFinding.reason}`,
      overridden: false,
    });
  });

  it.each<[string, DraftTechniqueLine, ScreeningFinding[], string[]]>([
    [
      'a line still being typed is checked on what it has',
      { regionId: 'lumbar' },
      [lumbarSurgeryFinding],
      ['avoid_region'],
    ],
    [
      'a line with no region yet passes the region check',
      { techniqueId: 'swedish_effleurage' },
      [lumbarSurgeryFinding],
      [],
    ],
    [
      'pressure not yet given is not compared',
      { techniqueId: 'swedish_effleurage', regionId: 'thoracic' },
      [anticoagulantFinding],
      [],
    ],
    [
      'a side given on a line meets a finding without side',
      { techniqueId: 'swedish_effleurage', regionId: 'calf', side: 'left' },
      [{ ...lumbarSurgeryFinding, regions: [{ regionId: 'calf' }] }],
      ['avoid_region'],
    ],
  ])('drafts: %s', (_label, line, findings, expected) => {
    expect(kinds(noteWith(line), findings).map(([kind]) => kind)).toEqual(expected);
  });

  it('checks positions listed for the visit that no line uses, at note level', () => {
    const note: GatedNote = { outcome: 'treated', objective: { techniques: [], positions: ['supine'] } };
    expect(kinds(note, [pregnancyPositionFinding])).toEqual([
      ['excluded_position', 'pregnancy_after_20_weeks', null, false],
    ]);
    const overridden = [
      { ruleId: 'pregnancy_after_20_weeks', techniqueLine: null, reason: 'Wedge under right hip' },
    ];
    expect(checkNoteAgainstFindings(note, [pregnancyPositionFinding], overridden).blocked).toBe(false);
  });

  it('turns unverifiable parts of a modification into reminders', () => {
    const finding: ScreeningFinding = {
      ruleId: 'multiple_sclerosis',
      severity: 'modify',
      reason: 'Multiple sclerosis in remission.',
      source: 'MBLEx content outline',
      modification: {
        maxSessionMinutes: 30,
        checkInEveryMinutes: 10,
        clearanceNeeded: 'neurologist clearance',
        advice: ['Slow movements, no heat'],
      },
    };
    const result = checkNoteAgainstFindings(
      noteWith({ ...deepLumbar, minutes: 40, techniqueId: 'swedish_effleurage' }),
      [finding],
      [],
    );
    expect(result.blocked).toBe(false);
    expect(result.advisories.map((advisory) => advisory.text)).toEqual([
      '40 minutes documented; keep sessions to 30 minutes',
      'Check in on pain and comfort every 10 minutes',
      'Needs neurologist clearance',
      'Slow movements, no heat',
    ]);
  });
});
