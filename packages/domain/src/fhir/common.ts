/**
 * Shared pieces of the FHIR R4 mapping: code systems, references, dates and the ids of resources
 * that are derived from part of a record (one Observation per range-of-motion measurement, one
 * Goal per plan goal). Fascia's own catalogues (techniques, body regions, instruments, special
 * tests) are published under one base so a receiving system can tell them from standard codes.
 */
import type { CodeableConcept, Coding, Meta, Reference } from '@medplum/fhirtypes';
import { findRegion } from '../body/regions.ts';

export const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  bcp47: 'urn:ietf:bcp:47',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  auditEventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
} as const;

/** Fascia's own code systems (catalogues defined in the domain package). */
export const FASCIA_BASE = 'https://fascia.dev/fhir';
export const fasciaSystem = (name: string) => `${FASCIA_BASE}/CodeSystem/${name}`;
export const questionnaireUrl = (instrumentId: string) => `${FASCIA_BASE}/Questionnaire/${instrumentId}`;

/** SNOMED CT laterality qualifiers. */
const LATERALITY = {
  left: { code: '7771000', display: 'Left' },
  right: { code: '24028007', display: 'Right' },
} as const;

// Typed as a reference to no particular resource so it fits every Reference<…> field.
export const ref = (type: string, id: string, display?: string): Reference<never> => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});

export function meta(lastUpdated: Date | string, versionId?: number | string): Meta {
  return {
    lastUpdated: toInstant(lastUpdated),
    ...(versionId !== undefined ? { versionId: String(versionId) } : {}),
  };
}

/** FHIR instants carry a zone; PostgreSQL timestamps arrive as Date or ISO strings. */
export function toInstant(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export const coding = (system: string, code: string, display?: string): Coding => ({
  system,
  code,
  ...(display ? { display } : {}),
});

export const concept = (codings: Coding[], text?: string): CodeableConcept => ({
  ...(codings.length ? { coding: codings } : {}),
  ...(text ? { text } : {}),
});

/**
 * A body site as one concept: the region of Fascia's body model, with the side in the code
 * (`gluteal-left`) because a laterality coding is not an equivalent of the region and FHIR codings
 * within one concept must be equivalents. The text reads as the therapist documented it.
 */
export function bodySite(regionId: string, side?: 'left' | 'right'): CodeableConcept {
  const label = findRegion(regionId)?.label ?? regionId;
  const text = side ? `${label}, ${side}` : label;
  return concept([coding(fasciaSystem('body-region'), side ? `${regionId}-${side}` : regionId, text)], text);
}

export function laterality(side: 'left' | 'right'): Coding {
  return coding(SYSTEM.snomed, LATERALITY[side].code, LATERALITY[side].display);
}

/**
 * Ids of resources derived from part of a record: `<prefix>-<row id>-<n>`. A uuid is 36
 * characters, well inside FHIR's 64-character id limit with a short prefix and index.
 */
export function partId(prefix: string, rowId: string, part?: string | number): string {
  return part === undefined ? `${prefix}-${rowId}` : `${prefix}-${rowId}-${part}`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PART_ID = new RegExp(`^([a-z]{1,4})-(${UUID})(?:-([A-Za-z0-9.]{1,20}))?$`);

export function parsePartId(id: string): { prefix: string; rowId: string; part?: string } | undefined {
  const m = PART_ID.exec(id);
  if (!m) return undefined;
  return { prefix: m[1] as string, rowId: m[2] as string, ...(m[3] !== undefined ? { part: m[3] } : {}) };
}

export const isUuid = (id: string) => new RegExp(`^${UUID}$`).test(id);

/** A calendar date plus weeks (for a referral or plan period given as a duration). */
export function addWeeks(date: string, weeks: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}

/** Drops undefined members so emitted JSON carries no empty keys (FHIR forbids empty values). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}
