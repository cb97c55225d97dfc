import { isIsoDate } from '@fascia/domain/patients/calendar-date';
import { type Precaution, type Referral, referralSchema } from '@fascia/domain/referrals/referral.schema';
import {
  describeReferralReason,
  type ReferralStatusResult,
  referralStatus,
} from '@fascia/domain/referrals/referral-status';
import type { RegionValue } from '../patients/body-region-picker.tsx';
import { toRegions } from '../patients/body-region-picker.tsx';
import { plainMessage } from '../patients/patient-form-values.ts';
import type { ReferralBody } from './referrals-api.ts';

/** One structured precaution as the form edits it: every kind's inputs, only some used. */
export interface PrecautionValues {
  kind: Precaution['kind'];
  site: RegionValue;
  pressure: string;
  position: string;
  minutes: number | string;
}

export interface ReferralFormValues {
  [key: string]: unknown;
  providerId: string;
  dateWritten: string;
  diagnoses: string[];
  timesPerWeek: number | string;
  durationWeeks: number | string;
  visitsAuthorized: number | string;
  validFrom: string;
  validUntil: string;
  precautionText: string;
  precautions: PrecautionValues[];
  goals: string;
  authorizationNumber: string;
}

export const PRECAUTION_KINDS: { value: Precaution['kind']; label: string }[] = [
  { value: 'no_deep_pressure', label: 'No deep pressure' },
  { value: 'max_pressure', label: 'Pressure at most' },
  { value: 'avoid_region', label: 'Avoid a region' },
  { value: 'no_position', label: 'Do not use a position' },
  { value: 'no_heat', label: 'No heat' },
  { value: 'no_joint_mobilisation', label: 'No joint mobilisation' },
  { value: 'max_session_minutes', label: 'Session at most (minutes)' },
];

export const NEW_PRECAUTION: PrecautionValues = {
  kind: 'no_deep_pressure',
  site: { regionId: '', side: '' },
  pressure: '2',
  position: 'prone',
  minutes: 30,
};

export function emptyReferralForm(today: string): ReferralFormValues {
  return {
    providerId: '',
    dateWritten: today,
    diagnoses: [],
    timesPerWeek: '',
    durationWeeks: '',
    visitsAuthorized: '',
    validFrom: today,
    validUntil: '',
    precautionText: '',
    precautions: [],
    goals: '',
    authorizationNumber: '',
  };
}

const num = (v: number | string) => (v === '' ? undefined : Number(v));
const text = (v: string) => (v.trim() === '' ? undefined : v.trim());

function toPrecaution(p: PrecautionValues): Precaution {
  const regions = toRegions(p.site);
  const optionalRegions = regions.length ? { regions } : {};
  switch (p.kind) {
    case 'no_deep_pressure':
    case 'no_joint_mobilisation':
      return { kind: p.kind, ...optionalRegions };
    case 'max_pressure':
      return { kind: p.kind, pressure: Number(p.pressure), ...optionalRegions };
    case 'avoid_region':
      return { kind: p.kind, regions };
    case 'no_position':
      return { kind: p.kind, position: p.position as 'prone' };
    case 'no_heat':
      return { kind: p.kind };
    case 'max_session_minutes':
      return { kind: p.kind, minutes: Number(p.minutes) };
  }
}

export function toReferralBody(v: ReferralFormValues): ReferralBody {
  return {
    providerId: v.providerId,
    dateWritten: v.dateWritten,
    diagnoses: v.diagnoses,
    frequency: { timesPerWeek: num(v.timesPerWeek) as number },
    durationWeeks: num(v.durationWeeks) as number,
    visitsAuthorized: num(v.visitsAuthorized),
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    precautions: { text: text(v.precautionText), items: v.precautions.map(toPrecaution) },
    goals: v.goals
      .split('\n')
      .map((g) => g.trim())
      .filter(Boolean),
    authorizationNumber: text(v.authorizationNumber),
  };
}

export function fromReferral(r: Referral): ReferralFormValues {
  return {
    providerId: r.providerId,
    dateWritten: r.dateWritten,
    diagnoses: r.diagnoses,
    timesPerWeek: r.frequency.timesPerWeek,
    durationWeeks: r.durationWeeks,
    visitsAuthorized: r.visitsAuthorized ?? '',
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    precautionText: r.precautions.text ?? '',
    precautions: r.precautions.items.map((p) => ({
      ...NEW_PRECAUTION,
      kind: p.kind,
      site:
        'regions' in p && p.regions?.[0]
          ? { regionId: p.regions[0].regionId, side: p.regions[0].side ?? '' }
          : NEW_PRECAUTION.site,
      ...('pressure' in p ? { pressure: String(p.pressure) } : {}),
      ...('position' in p ? { position: p.position } : {}),
      ...('minutes' in p ? { minutes: p.minutes } : {}),
    })),
    goals: r.goals.join('\n'),
    authorizationNumber: r.authorizationNumber ?? '',
  };
}

/** A server or schema path (`frequency.timesPerWeek`, `diagnoses.0`, `precautions.items.1.regions`) → input. */
export function referralField(path: string): string {
  const parts = path.replace(/^body\./, '').split('.');
  if (parts[0] === 'frequency') return 'timesPerWeek';
  if (parts[0] === 'precautions') return parts[1] === 'text' ? 'precautionText' : 'precautions';
  return parts[0] ?? path;
}

export function validateReferralForm(v: ReferralFormValues): Record<string, string> {
  const parsed = referralSchema.safeParse({ ...toReferralBody(v), patientId: 'this-patient' });
  const errors: Record<string, string> = {};
  if (!v.providerId) errors.providerId = 'Choose the referring provider.';
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = referralField(issue.path.map(String).join('.'));
    if (!errors[field]) errors[field] = plainMessage(issue.message);
  }
  return errors;
}

/** The status the referral will have today with no visits used, for the form to show as it is typed. */
export function liveStatus(
  v: Pick<ReferralFormValues, 'validFrom' | 'validUntil' | 'visitsAuthorized'>,
  today: string,
): { result: ReferralStatusResult; explanation: string[] } | null {
  if (!isIsoDate(v.validFrom) || !isIsoDate(v.validUntil) || v.validUntil < v.validFrom) return null;
  const referral: Pick<Referral, 'validFrom' | 'validUntil' | 'visitsAuthorized'> = {
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    visitsAuthorized: num(v.visitsAuthorized),
  };
  const result = referralStatus(referral, { asOf: today, visitsUsed: 0 });
  return { result, explanation: result.reasons.map(describeReferralReason) };
}
