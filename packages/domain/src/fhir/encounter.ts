/**
 * A signed session note as an Encounter (the visit) with one Procedure per technique line (what
 * was done, where, for how long) and the pain ratings before and after as Observations. A visit
 * the screening stopped is a cancelled Encounter with its reason and no procedures.
 */
import type { Encounter, Observation, Procedure } from '@medplum/fhirtypes';
import { findTechnique } from '../plans/techniques.ts';
import type { SignedNote, TechniqueLine } from '../sessions/session-note.schema.ts';
import { bodySite, coding, compact, concept, fasciaSystem, meta, partId, ref, SYSTEM } from './common.ts';
import { type ObservationContext, toFhirNotePain } from './observations.ts';

export interface NoteRow {
  id: string;
  organizationId: string;
  patientId: string;
  therapistId: string;
  referralId: string | null;
  planId: string | null;
  visitDate: string;
  signedAt: Date | string;
  note: SignedNote;
}

export function toFhirEncounter(row: NoteRow): Encounter {
  const n = row.note;
  const treated = n.outcome === 'treated';
  const minutes = treated ? n.objective.techniques.reduce((sum, t) => sum + t.minutes, 0) : 0;
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: row.id,
    meta: meta(row.signedAt),
    status: treated ? 'finished' : 'cancelled',
    class: coding(SYSTEM.actCode, 'AMB', 'ambulatory'),
    type: [concept([coding(fasciaSystem('visit-type'), 'massage-visit')], 'Medical massage visit')],
    subject: ref('Patient', row.patientId),
    basedOn: row.referralId ? [ref('ServiceRequest', row.referralId)] : undefined,
    participant: [{ individual: ref('Practitioner', row.therapistId) }],
    period: compact({ start: n.visitStartedAt ?? row.visitDate, end: n.visitEndedAt }),
    length: minutes ? { value: minutes, unit: 'min', system: SYSTEM.ucum, code: 'min' } : undefined,
    reasonCode: treated ? undefined : [concept([], n.postponedReason)],
    serviceProvider: ref('Organization', row.organizationId),
  });
}

export function toFhirProcedure(row: NoteRow, line: TechniqueLine, index: number): Procedure {
  const technique = findTechnique(line.techniqueId);
  const code = line.billingCode ?? technique?.billingCode;
  return compact<Procedure>({
    resourceType: 'Procedure',
    id: partId('pr', row.id, index),
    meta: meta(row.signedAt),
    basedOn: row.planId ? [ref('CarePlan', row.planId)] : undefined,
    status: 'completed',
    code: concept(
      [
        coding(fasciaSystem('technique'), line.techniqueId, technique?.label),
        ...(code ? [coding(SYSTEM.cpt, code)] : []),
      ],
      technique?.label ?? line.techniqueId,
    ),
    subject: ref('Patient', row.patientId),
    encounter: ref('Encounter', row.id),
    performedDateTime: row.note.visitStartedAt ?? row.visitDate,
    performer: [{ actor: ref('Practitioner', row.therapistId) }],
    bodySite: [bodySite(line.regionId, line.side)],
    note: [
      {
        text: `${line.minutes} min, pressure ${line.pressure}/5, ${line.position.replaceAll('_', '-')}${
          line.muscles?.length ? `; ${line.muscles.join(', ')}` : ''
        }`,
      },
    ],
  });
}

/** Everything a signed note contributes: the visit, its procedures and its pain ratings. */
export function noteResources(row: NoteRow): {
  encounter: Encounter;
  procedures: Procedure[];
  observations: Observation[];
} {
  const n = row.note;
  const ctx: ObservationContext = {
    patientId: row.patientId,
    effective: n.visitStartedAt ?? row.visitDate,
    performerId: row.therapistId,
    encounterId: row.id,
    status: 'final',
    lastUpdated: row.signedAt,
  };
  const observations: Observation[] = [];
  if (n.subjective.painBefore !== undefined)
    observations.push(toFhirNotePain(row.id, 'before', n.subjective.painBefore, ctx));
  if (n.outcome === 'treated')
    observations.push(toFhirNotePain(row.id, 'after', n.assessment.painAfter, ctx));
  return {
    encounter: toFhirEncounter(row),
    procedures:
      n.outcome === 'treated' ? n.objective.techniques.map((t, i) => toFhirProcedure(row, t, i)) : [],
    observations,
  };
}
