/**
 * The Patient and the requesting Practitioner of an imported referral, read into Fascia's
 * registration and provider-directory records and checked by their schemas (the NPI check digit
 * included). Problems are appended to the caller's list with the element they concern.
 */
import type { HumanName, Patient, Practitioner } from '@medplum/fhirtypes';
import type { z } from 'zod';
import { type Patient as PatientRecord, patientSchema } from '../patients/patient.schema.ts';
import { type ReferringProvider, referringProviderSchema } from '../referrals/provider.schema.ts';
import { SYSTEM } from './common.ts';

export interface ImportIssue {
  expression: string;
  message: string;
}

/** Turns zod issue paths into FHIRPath expressions through a table of where each field came from. */
export function zodIssues(error: z.ZodError, where: (path: string) => string): ImportIssue[] {
  return error.issues.map((i) => ({ expression: where(i.path.map(String).join('.')), message: i.message }));
}

function pickName(names: HumanName[] | undefined): { name?: HumanName; index: number } {
  const list = names ?? [];
  const index = Math.max(
    0,
    list.findIndex((n) => n.use === 'official'),
  );
  return { name: list[index], index };
}

const SEX = new Set(['female', 'male', 'other', 'unknown']);

export function readPatient(p: Patient, at: string, issues: ImportIssue[]): PatientRecord | undefined {
  const { name, index } = pickName(p.name);
  const nameAt = `${at}.name[${index}]`;
  const phone = p.telecom?.find((t) => t.system === 'phone')?.value;
  const email = p.telecom?.find((t) => t.system === 'email')?.value;
  const address = p.address?.[0];
  const language = p.communication?.[0]?.language?.coding?.find((c) => c.system === SYSTEM.bcp47)?.code;
  const input = {
    legalName: {
      given: name?.given?.[0] ?? '',
      ...(name?.given?.[1] ? { middle: name.given.slice(1).join(' ') } : {}),
      family: name?.family ?? '',
      ...(name?.suffix?.[0] ? { suffix: name.suffix[0] } : {}),
    },
    dateOfBirth: p.birthDate ?? '',
    sex: p.gender && SEX.has(p.gender) ? p.gender : 'unknown',
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(address?.line?.[0] && address.city
      ? {
          address: {
            line1: address.line[0],
            ...(address.line[1] ? { line2: address.line[1] } : {}),
            city: address.city,
            ...(address.state ? { region: address.state } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            country: address.country && /^[A-Z]{2}$/.test(address.country) ? address.country : 'US',
          },
        }
      : {}),
    ...(language ? { preferredLanguage: language } : {}),
    // Consents are the clinic's to collect from the patient; an imported record has none yet.
    consents: { treatment: { given: false }, communication: { given: false, channels: [] } },
  };
  const parsed = patientSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const where = (path: string) => {
    if (path.startsWith('legalName.given')) return `${nameAt}.given[0]`;
    if (path.startsWith('legalName.family')) return `${nameAt}.family`;
    if (path.startsWith('legalName')) return nameAt;
    if (path === 'dateOfBirth') return `${at}.birthDate`;
    if (path === 'phone' || path === 'email') return `${at}.telecom`;
    if (path.startsWith('address')) return `${at}.address[0]`;
    if (path === 'preferredLanguage') return `${at}.communication[0].language`;
    return at;
  };
  issues.push(...zodIssues(parsed.error, where));
  return undefined;
}

export function readPractitioner(
  p: Practitioner,
  at: string,
  issues: ImportIssue[],
): ReferringProvider | undefined {
  const npiIndex = (p.identifier ?? []).findIndex((i) => i.system === SYSTEM.npi);
  if (npiIndex < 0) {
    issues.push({
      expression: `${at}.identifier`,
      message: `Identify the requester by NPI (${SYSTEM.npi}).`,
    });
    return undefined;
  }
  const { name, index } = pickName(p.name);
  const nameAt = `${at}.name[${index}]`;
  const credentials = [
    ...(name?.suffix ?? []),
    ...(p.qualification ?? []).map((q) => q.code.coding?.[0]?.code ?? q.code.text ?? ''),
  ].filter((c, i, all) => c !== '' && all.indexOf(c) === i);
  const phone = p.telecom?.find((t) => t.system === 'phone')?.value;
  const fax = p.telecom?.find((t) => t.system === 'fax')?.value;
  const input = {
    name: {
      given: name?.given?.[0] ?? '',
      ...(name?.given?.[1] ? { middle: name.given.slice(1).join(' ') } : {}),
      family: name?.family ?? '',
    },
    credentials: credentials.slice(0, 6),
    npi: p.identifier?.[npiIndex]?.value ?? '',
    ...(phone ? { phone } : {}),
    ...(fax ? { fax } : {}),
  };
  const parsed = referringProviderSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const where = (path: string) => {
    if (path === 'npi') return `${at}.identifier[${npiIndex}].value`;
    if (path.startsWith('name.given')) return `${nameAt}.given[0]`;
    if (path.startsWith('name.family')) return `${nameAt}.family`;
    if (path.startsWith('credentials')) return `${nameAt}.suffix`;
    if (path === 'phone' || path === 'fax') return `${at}.telecom`;
    return at;
  };
  issues.push(...zodIssues(parsed.error, where));
  return undefined;
}
