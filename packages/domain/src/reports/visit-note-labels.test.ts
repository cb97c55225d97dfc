import { describe, expect, it } from 'vitest';
import { clinicHomeCareLibrary } from '../plans/home-care.ts';
import {
  goalProgressLines,
  homeCareLabels,
  positionWords,
  regionWords,
  techniqueWords,
  vitalsLines,
} from './visit-note-labels.ts';

describe('visit note labels', () => {
  const goals = [
    {
      id: 'g-ephzt6',
      term: 'short' as const,
      measure: {
        kind: 'outcome_measure' as const,
        instrument: 'NPRS',
        comparator: 'at_most' as const,
        value: 4,
      },
    },
  ];

  it('finding 1: goal progress prints the goal in words, never its id', () => {
    expect(goalProgressLines([{ goalId: 'g-ephzt6', status: 'progressing' }], goals)).toEqual([
      { goal: 'NPRS at most 4 (short-term)', status: 'progressing' },
    ]);
    expect(goalProgressLines([{ goalId: 'g-gone', status: 'not_met' }], goals)[0]).toEqual({
      goal: 'Goal no longer in the plan',
      status: 'not met',
    });
  });

  it("finding 1: home care prints the library's titles, including the clinic's own items", () => {
    const library = clinicHomeCareLibrary([
      {
        id: 'clinic.walking',
        kind: 'activity',
        label: 'Brisk walk',
        instructions: 'Walk at a pace that warms you.',
        regions: [],
        dose: { minutes: 20 },
      },
    ]);
    expect(homeCareLabels(['piriformis_stretch', 'clinic.walking', 'walking_x'], library)).toEqual([
      'Piriformis stretch (lying)',
      'Brisk walk',
      'Unlisted home-care item',
    ]);
  });

  it('finding 1: techniques, regions and positions print by their catalogue labels', () => {
    expect(techniqueWords('myofascial_release')).not.toMatch(/_/);
    expect(techniqueWords('nope_nope')).toBe('Unlisted technique');
    expect(regionWords('gluteal', 'left')).toBe('Buttock (gluteal) (left)');
    expect(positionWords('side_lying')).toBe('Side-lying');
  });

  it('finding 1: vitals print with their units', () => {
    expect(
      vitalsLines({ systolic: 128, diastolic: 82, heartRate: 72, respiratoryRate: 14, temperatureC: 36.8 }),
    ).toEqual([
      ['Blood pressure', '128/82 mmHg'],
      ['Heart rate', '72 beats/min'],
      ['Respiratory rate', '14 breaths/min'],
      ['Temperature', '36.8 °C (98.2 °F)'],
    ]);
    expect(vitalsLines({ temperatureC: 38 }, 'us')).toEqual([['Temperature', '100.4 °F (38.0 °C)']]);
    expect(vitalsLines(undefined)).toEqual([]);
  });
});
