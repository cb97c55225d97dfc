import type { Coverage, HumanName, Patient } from '@fascia/domain/patients/patient.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../api/client.ts';
import type { StaffMember } from '../../api/types.ts';

/** Shapes of the patient endpoints (docs/api), as the patient screens read them. */

export interface PatientSummary {
  id: string;
  legalName: HumanName;
  preferredName?: string;
  dateOfBirth: string;
  sex: string;
  phone?: string;
}

export interface PatientAlert {
  kind: 'contraindication' | 'allergy' | 'pregnancy' | 'device';
  level: 'danger' | 'warning' | 'info';
  label: string;
  detail?: string;
  ruleId?: string;
}

export interface PatientView {
  id: string;
  version: number;
  record: Patient;
  careTeam: { id: string; displayName: string }[];
  /** Absent when the user may not read the clinical record. */
  alerts?: PatientAlert[];
  createdAt: string;
  updatedAt: string;
}

export interface CoverageView {
  id: string;
  coverage: Coverage;
}

export interface PatientBody {
  record: Patient;
  careTeam?: string[];
  version?: number;
}

/** PUT is not on the shared client object; `request` carries the same CSRF and error handling. */
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);

export const patientKey = (id: string) => ['patients', id] as const;
export const coveragesKey = (id: string) => ['patients', id, 'coverages'] as const;

const enc = encodeURIComponent;

/** Shared by the chart and the chart route's loader, which starts the request with the page's code. */
export const patientQuery = (id: string) =>
  queryOptions({ queryKey: patientKey(id), queryFn: () => api.get<PatientView>(`/patients/${enc(id)}`) });

export function usePatient(id: string) {
  return useQuery(patientQuery(id));
}

export function useCoverages(id: string) {
  return useQuery({
    queryKey: coveragesKey(id),
    queryFn: () => api.get<{ items: CoverageView[] }>(`/patients/${enc(id)}/coverages`),
  });
}

export const createPatient = (body: PatientBody) => api.post<PatientView>('/patients', body);

export const updatePatient = (id: string, body: PatientBody) =>
  put<PatientView>(`/patients/${enc(id)}`, body);

export const saveCoverage = (patientId: string, coverage: Coverage, coverageId?: string) =>
  coverageId
    ? put<CoverageView>(`/patients/${enc(patientId)}/coverages/${enc(coverageId)}`, coverage)
    : api.post<CoverageView>(`/patients/${enc(patientId)}/coverages`, coverage);

/** Active therapists, the people a patient's care team is chosen from. */
export function useTherapists() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: () => api.get<{ items: StaffMember[] }>('/staff'),
    select: (data) => data.items.filter((m) => m.role === 'therapist' && m.active),
  });
}

export function fullName(name: HumanName): string {
  return [name.given, name.middle, name.family, name.suffix].filter(Boolean).join(' ');
}

/** "Family, Given (Preferred)" the way a clinic list sorts and reads names. */
export function listName(p: Pick<PatientSummary, 'legalName' | 'preferredName'>): string {
  const base = `${p.legalName.family}, ${p.legalName.given}`;
  return p.preferredName ? `${base} (${p.preferredName})` : base;
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's calendar date in the browser's time zone, as the date inputs give it. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
];
