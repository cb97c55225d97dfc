/**
 * A referral arriving from another system as a FHIR Bundle (ServiceRequest + Patient +
 * Practitioner + Condition…), read into Fascia's own records and checked by the same schemas the
 * forms use. Every problem is reported with the FHIRPath of the element it concerns, so the
 * sending system can point at it; nothing is half-read.
 */
import type {
  Bundle,
  BundleEntry,
  Condition,
  Patient,
  Practitioner,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { Patient as PatientRecord } from '../patients/patient.schema.ts';
import type { ReferringProvider } from '../referrals/provider.schema.ts';
import { type Referral, referralSchema } from '../referrals/referral.schema.ts';
import { addWeeks, SYSTEM } from './common.ts';
import { type ImportIssue, readPatient, readPractitioner, zodIssues } from './import-people.ts';

export type { ImportIssue };

export interface ReferralImport {
  patient: PatientRecord;
  provider: ReferringProvider;
  referral: Omit<Referral, 'patientId' | 'providerId'>;
}

export type ImportResult = { ok: true; value: ReferralImport } | { ok: false; issues: ImportIssue[] };

type Located<T> = { resource: T; at: string };

function resolver(entries: BundleEntry[]) {
  const byKey = new Map<string, Located<Resource>>();
  entries.forEach((e, i) => {
    if (!e.resource) return;
    const located = { resource: e.resource, at: `Bundle.entry[${i}].resource` };
    if (e.fullUrl) byKey.set(e.fullUrl, located);
    if (e.resource.id) byKey.set(`${e.resource.resourceType}/${e.resource.id}`, located);
  });
  return (reference: string | undefined) => (reference ? byKey.get(reference) : undefined);
}

function only<T extends Resource>(entries: BundleEntry[], type: T['resourceType']): Located<T>[] {
  return entries.flatMap((e, i) =>
    e.resource?.resourceType === type
      ? [{ resource: e.resource as T, at: `Bundle.entry[${i}].resource` }]
      : [],
  );
}

const WEEK_FACTOR: Record<string, number> = { d: 7, wk: 1, mo: 12 / 52 };

export function parseReferralBundle(input: unknown): ImportResult {
  const issues: ImportIssue[] = [];
  const bundle = input as Bundle;
  if (typeof input !== 'object' || input === null || bundle.resourceType !== 'Bundle') {
    return { ok: false, issues: [{ expression: 'Bundle', message: 'Send a Bundle resource.' }] };
  }
  if (bundle.type !== 'transaction' && bundle.type !== 'collection') {
    issues.push({ expression: 'Bundle.type', message: 'Use a transaction or collection Bundle.' });
  }
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const resolve = resolver(entries);
  const requests = only<ServiceRequest>(entries, 'ServiceRequest');
  if (requests.length !== 1) {
    issues.push({
      expression: 'Bundle.entry',
      message: 'Include exactly one ServiceRequest (the referral).',
    });
    return { ok: false, issues };
  }
  const sr = requests[0] as Located<ServiceRequest>;
  const s = sr.resource;

  const subject = resolve(s.subject?.reference);
  const patients = only<Patient>(entries, 'Patient');
  const patientAt =
    subject?.resource.resourceType === 'Patient'
      ? (subject as Located<Patient>)
      : patients.length === 1
        ? patients[0]
        : undefined;
  if (!patientAt)
    issues.push({ expression: `${sr.at}.subject`, message: 'The referred Patient must be in the bundle.' });

  const requester = resolve(s.requester?.reference);
  const practitioners = only<Practitioner>(entries, 'Practitioner');
  const requesterNpi =
    s.requester?.identifier?.system === SYSTEM.npi ? s.requester.identifier.value : undefined;
  const practitionerAt =
    requester?.resource.resourceType === 'Practitioner'
      ? (requester as Located<Practitioner>)
      : (practitioners.find((p) => p.resource.identifier?.some((i) => i.value === requesterNpi)) ??
        (practitioners.length === 1 ? practitioners[0] : undefined));
  if (!practitionerAt) {
    issues.push({
      expression: `${sr.at}.requester`,
      message: 'The requesting Practitioner must be in the bundle.',
    });
  }

  const patient = patientAt ? readPatient(patientAt.resource, patientAt.at, issues) : undefined;
  const provider = practitionerAt
    ? readPractitioner(practitionerAt.resource, practitionerAt.at, issues)
    : undefined;

  // Diagnoses: ICD-10-CM codes in reasonCode, then in the Conditions the request points at.
  const diagnoses: Array<{ code: string; at: string }> = [];
  (s.reasonCode ?? []).forEach((cc, i) => {
    (cc.coding ?? []).forEach((c, j) => {
      if (c.system === SYSTEM.icd10cm && c.code)
        diagnoses.push({ code: c.code, at: `${sr.at}.reasonCode[${i}].coding[${j}].code` });
    });
  });
  (s.reasonReference ?? []).forEach((r, i) => {
    const found = resolve(r.reference);
    if (found?.resource.resourceType !== 'Condition') {
      issues.push({
        expression: `${sr.at}.reasonReference[${i}]`,
        message: 'The referenced Condition must be in the bundle.',
      });
      return;
    }
    ((found.resource as Condition).code?.coding ?? []).forEach((c, j) => {
      if (c.system === SYSTEM.icd10cm && c.code)
        diagnoses.push({ code: c.code, at: `${found.at}.code.coding[${j}].code` });
    });
  });
  const unique = diagnoses.filter((d, i) => diagnoses.findIndex((x) => x.code === d.code) === i);
  if (unique.length === 0) {
    issues.push({
      expression: `${sr.at}.reasonCode`,
      message: `Give at least one diagnosis coded in ${SYSTEM.icd10cm}.`,
    });
  }

  const repeat = s.occurrenceTiming?.repeat;
  const timingAt = `${sr.at}.occurrenceTiming.repeat`;
  let timesPerWeek: number | undefined;
  if (!repeat?.frequency || !repeat.periodUnit || WEEK_FACTOR[repeat.periodUnit] === undefined) {
    issues.push({
      expression: timingAt,
      message: 'Give the frequency as times per day, week or month (e.g. 2 per 1 wk).',
    });
  } else {
    timesPerWeek = Math.round(
      (repeat.frequency / (repeat.period ?? 1)) * (WEEK_FACTOR[repeat.periodUnit] as number),
    );
  }
  const dateWritten = s.authoredOn?.slice(0, 10);
  if (!dateWritten)
    issues.push({ expression: `${sr.at}.authoredOn`, message: 'Give the date the referral was written.' });
  const validFrom = repeat?.boundsPeriod?.start?.slice(0, 10) ?? dateWritten;
  let durationWeeks: number | undefined;
  if (
    repeat?.boundsDuration?.value &&
    repeat.boundsDuration.code &&
    WEEK_FACTOR[repeat.boundsDuration.code]
  ) {
    durationWeeks = Math.ceil(
      repeat.boundsDuration.value / (WEEK_FACTOR[repeat.boundsDuration.code] as number),
    );
  } else if (repeat?.count && timesPerWeek) {
    durationWeeks = Math.ceil(repeat.count / timesPerWeek);
  } else if (validFrom && repeat?.boundsPeriod?.end) {
    const days = (Date.parse(repeat.boundsPeriod.end.slice(0, 10)) - Date.parse(validFrom)) / 86_400_000;
    durationWeeks = Math.max(1, Math.ceil((days + 1) / 7));
  } else {
    issues.push({
      expression: timingAt,
      message: 'Give the duration (boundsDuration, count or boundsPeriod.end).',
    });
  }
  const validUntil =
    repeat?.boundsPeriod?.end?.slice(0, 10) ??
    (validFrom && durationWeeks ? addWeeks(validFrom, durationWeeks) : undefined);
  const visits = s.quantityQuantity?.value;

  const referralInput = {
    patientId: 'imported',
    providerId: 'imported',
    dateWritten,
    diagnoses: unique.map((d) => d.code),
    frequency: { timesPerWeek },
    durationWeeks,
    ...(visits !== undefined ? { visitsAuthorized: visits } : {}),
    validFrom,
    validUntil,
  };
  const parsed = referralSchema.safeParse(referralInput);
  if (!parsed.success && unique.length > 0 && issues.every((i) => !i.expression.startsWith(timingAt))) {
    const where = (path: string): string => {
      const m = /^diagnoses\.(\d+)/.exec(path);
      if (m) return unique[Number(m[1])]?.at ?? `${sr.at}.reasonCode`;
      if (path.startsWith('frequency') || path === 'durationWeeks') return timingAt;
      if (path === 'validUntil' || path === 'validFrom') return `${timingAt}.boundsPeriod`;
      if (path === 'visitsAuthorized') return `${sr.at}.quantityQuantity.value`;
      if (path === 'dateWritten') return `${sr.at}.authoredOn`;
      return sr.at;
    };
    issues.push(...zodIssues(parsed.error, where));
  }
  if (issues.length > 0 || !parsed.success || !patient || !provider) {
    return {
      ok: false,
      issues: issues.length ? issues : [{ expression: sr.at, message: 'The referral is incomplete.' }],
    };
  }
  const { patientId: _p, providerId: _r, ...referral } = parsed.data;
  return { ok: true, value: { patient, provider, referral } };
}
