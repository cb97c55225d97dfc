/**
 * The health history (patients/health-history.schema.ts) as Condition, AllergyIntolerance and
 * MedicationStatement. Conditions carry ICD-10-CM when the therapist picked a code, the free wording
 * otherwise; the regions a condition sits in become body sites.
 */
import type { AllergyIntolerance, Condition as FhirCondition, MedicationStatement } from '@medplum/fhirtypes';
import type { Allergy, Condition, Medication } from '../patients/health-history.schema.ts';
import { lookupIcd10 } from '../patients/icd10.ts';
import { bodySite, coding, compact, concept, fasciaSystem, meta, ref, SYSTEM } from './common.ts';

export interface HistoryRow<T> {
  id: string;
  patientId: string;
  item: T;
  recordedAt: Date | string;
  recordedBy: string;
}

export function icd10Concept(code: string, text?: string) {
  const display = lookupIcd10(code)?.description;
  return concept([coding(SYSTEM.icd10cm, code, display)], text ?? display);
}

export function toFhirCondition(row: HistoryRow<Condition>): FhirCondition {
  const c = row.item;
  const active = c.status === 'active';
  return compact<FhirCondition>({
    resourceType: 'Condition',
    id: row.id,
    meta: meta(row.recordedAt),
    clinicalStatus: concept([coding(SYSTEM.conditionClinical, active ? 'active' : 'resolved')]),
    verificationStatus: concept([coding(SYSTEM.conditionVerification, 'confirmed')]),
    category: [concept([coding(SYSTEM.conditionCategory, 'problem-list-item', 'Problem List Item')])],
    code: c.code ? icd10Concept(c.code, c.label) : concept([], c.label),
    bodySite: c.regions?.map((r) => bodySite(r.regionId, r.side)),
    subject: ref('Patient', row.patientId),
    onsetDateTime: c.onset,
    abatementDateTime: active ? undefined : c.resolvedOn,
    recordedDate: new Date(row.recordedAt).toISOString(),
    recorder: ref('Practitioner', row.recordedBy),
    note: [
      ...(c.flare ? [{ text: 'Acute flare at the time of recording.' }] : []),
      ...(c.controlled === false ? [{ text: 'Not under control.' }] : []),
      ...(c.note ? [{ text: c.note }] : []),
    ],
  });
}

const ALLERGY_CATEGORY: Partial<Record<Allergy['category'], 'food' | 'medication' | 'environment'>> = {
  nut_oil: 'food',
  food: 'food',
  medication: 'medication',
  latex: 'environment',
  massage_oil: 'environment',
  essential_oil: 'environment',
  fragrance: 'environment',
  lotion_ingredient: 'environment',
  adhesive: 'environment',
};

export function toFhirAllergy(row: HistoryRow<Allergy>): AllergyIntolerance {
  const a = row.item;
  const category = ALLERGY_CATEGORY[a.category];
  return compact<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: row.id,
    meta: meta(row.recordedAt),
    clinicalStatus: concept([coding(SYSTEM.allergyClinical, 'active')]),
    category: category ? [category] : undefined,
    criticality: a.severity === 'severe' ? 'high' : 'low',
    code: concept([coding(fasciaSystem('allergen-category'), a.category)], a.substance),
    patient: ref('Patient', row.patientId),
    recordedDate: new Date(row.recordedAt).toISOString(),
    recorder: ref('Practitioner', row.recordedBy),
    reaction: [
      compact({
        manifestation: [concept([], a.reaction ?? 'Reaction not described')],
        severity: a.severity,
      }),
    ],
  });
}

export function toFhirMedicationStatement(row: HistoryRow<Medication>): MedicationStatement {
  const m = row.item;
  return compact<MedicationStatement>({
    resourceType: 'MedicationStatement',
    id: row.id,
    meta: meta(row.recordedAt),
    status: m.stoppedOn ? 'stopped' : 'active',
    category: concept([coding(fasciaSystem('medication-class'), m.class)]),
    medicationCodeableConcept: concept([], m.name),
    subject: ref('Patient', row.patientId),
    effectivePeriod:
      m.startedOn || m.stoppedOn ? compact({ start: m.startedOn, end: m.stoppedOn }) : undefined,
    dateAsserted: new Date(row.recordedAt).toISOString(),
    informationSource: ref('Patient', row.patientId),
    dosage: m.dose ? [{ text: m.dose }] : undefined,
  });
}
