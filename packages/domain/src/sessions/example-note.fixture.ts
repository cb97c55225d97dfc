/**
 * Test data: the visit of issue 5 for the patient of plans/example-patient.fixture.ts —
 * 25 minutes of manual therapy (myofascial release and trigger point work) and 13 minutes of
 * massage, side-lying, pressure 2.
 */
import type { SignedNote } from './session-note.schema.ts';

export const signedVisit = {
  patientId: 'pat-1',
  planId: 'plan-1',
  visitDate: '2026-11-23',
  visitStartedAt: '2026-11-23T09:00:00Z',
  visitEndedAt: '2026-11-23T09:45:00Z',
  outcome: 'treated',
  overrides: [],
  carriedOver: [],
  subjective: {
    screeningId: 'scr-1',
    report: 'Left buttock pain eased for two days after the last visit; sitting still hard.',
    painBefore: 6,
  },
  objective: {
    techniques: [
      {
        techniqueId: 'myofascial_release',
        regionId: 'gluteal',
        side: 'left',
        minutes: 15,
        pressure: 2,
        position: 'side_lying',
      },
      {
        techniqueId: 'trigger_point_therapy',
        regionId: 'gluteal',
        side: 'left',
        minutes: 10,
        pressure: 2,
        position: 'side_lying',
        muscles: ['gluteus medius'],
      },
      {
        techniqueId: 'swedish_effleurage',
        regionId: 'thigh_posterior',
        side: 'left',
        minutes: 13,
        pressure: 1,
        position: 'side_lying',
      },
    ],
    positions: ['side_lying'],
    findings: 'Taut band in left gluteus medius, referral to lateral thigh reproduced.',
  },
  assessment: {
    response: 'Band softened, referral no longer reproduced.',
    painAfter: 3,
    goalProgress: [
      { goalId: 'g-pain', status: 'progressing' },
      { goalId: 'g-odi', status: 'not_started' },
    ],
    adverseReactions: { occurred: false },
  },
  plan: {
    nextVisit: { date: '2026-11-26' },
    homeCareGiven: ['piriformis_stretch'],
  },
} satisfies SignedNote;
