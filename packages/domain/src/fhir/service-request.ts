/**
 * A referral (referrals/referral.schema.ts) as the ServiceRequest a physician's EHR would send:
 * requester by NPI, diagnoses in ICD-10-CM, the ordered frequency as a timing (2×/week for 6
 * weeks within the validity period) and the visits as a quantity (authorised, else ordered).
 */
import type { ServiceRequest } from '@medplum/fhirtypes';
import { orderedVisits, type Referral } from '../referrals/referral.schema.ts';
import { compact, concept, meta, ref, SYSTEM } from './common.ts';
import { icd10Concept } from './history.ts';

export interface ReferralRow {
  id: string;
  patientId: string;
  providerId: string;
  providerNpi: string;
  providerName?: string;
  referral: Omit<Referral, 'patientId' | 'providerId'>;
  status: 'active' | 'completed' | 'revoked';
  updatedAt: Date | string;
}

export const MASSAGE_SERVICE_TEXT = 'Medical massage therapy';

export function toFhirServiceRequest(row: ReferralRow): ServiceRequest {
  const r = row.referral;
  return compact<ServiceRequest>({
    resourceType: 'ServiceRequest',
    id: row.id,
    meta: meta(row.updatedAt),
    identifier: r.authorizationNumber
      ? [{ type: concept([], 'Payer authorization'), value: r.authorizationNumber }]
      : undefined,
    status: row.status,
    intent: 'order',
    code: concept([], MASSAGE_SERVICE_TEXT),
    subject: ref('Patient', row.patientId),
    authoredOn: r.dateWritten,
    requester: {
      ...ref('Practitioner', row.providerId, row.providerName),
      identifier: { system: SYSTEM.npi, value: row.providerNpi },
    },
    occurrenceTiming: {
      // count is the ordered visits (frequency × weeks), so a receiver can recover the duration.
      repeat: {
        count: orderedVisits(r),
        frequency: r.frequency.timesPerWeek,
        period: 1,
        periodUnit: 'wk',
        boundsPeriod: { start: r.validFrom, end: r.validUntil },
      },
    },
    quantityQuantity: {
      value: r.visitsAuthorized ?? orderedVisits(r),
      unit: 'visits',
      system: SYSTEM.ucum,
      code: '{visits}',
    },
    reasonCode: r.diagnoses.map((code) => icd10Concept(code)),
    note: [
      { text: `Duration: ${r.durationWeeks} weeks.` },
      ...(r.precautions.text ? [{ text: `Precautions: ${r.precautions.text}` }] : []),
      ...r.goals.map((g) => ({ text: `Goal: ${g}` })),
    ],
  });
}
