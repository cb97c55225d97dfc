import { describe, expect, it } from 'vitest';
import { INITIAL_HEADACHE_ASSESSMENT } from '../assessment/assessment.fixtures.ts';
import { assessmentSchema } from '../assessment/assessment.schema.ts';
import { scoreOutcomeResponse } from '../outcomes/response.schema.ts';
import { parsePartId, SYSTEM } from './common.ts';
import { expectValidFhir, fhirSchemaErrors } from './fhir-schema.fixture.ts';
import { assessmentObservations, NPRS_LOINC, toFhirOutcomeScore } from './observations.ts';
import { toFhirQuestionnaireResponse } from './questionnaire-response.ts';

const ASM = '11111111-1111-4111-8111-111111111111';
const PAT = '22222222-2222-4222-8222-222222222222';
const THR = '33333333-3333-4333-8333-333333333333';
const assessment = assessmentSchema.parse(INITIAL_HEADACHE_ASSESSMENT);
const observations = assessmentObservations({
  id: ASM,
  patientId: PAT,
  therapistId: THR,
  performedOn: assessment.performedOn,
  signedAt: '2025-03-03T12:00:00Z',
  content: assessment,
});
const ctx = { patientId: PAT, effective: '2025-03-03', status: 'final' as const, lastUpdated: new Date() };

describe('Observations from an assessment', () => {
  it('the schema validator refuses what R4 refuses (it is really checking)', () => {
    expect(fhirSchemaErrors({ resourceType: 'Observation', status: 'done', code: {} })).not.toEqual([]);
  });

  it('emits one valid Observation per pain region, ROM measurement and special test', () => {
    for (const o of observations) expectValidFhir(o);
    const kinds = observations.map((o) => parsePartId(o.id as string)?.prefix);
    expect(kinds.filter((k) => k === 'pm')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'rom')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'st')).toHaveLength(1);
    expect(observations.every((o) => parsePartId(o.id as string)?.rowId === ASM)).toBe(true);
  });

  it('codes pain intensity with LOINC 72514-3 and the region as body site', () => {
    const pain = observations[0];
    expect(pain?.code.coding?.[0]).toMatchObject({ system: SYSTEM.loinc, code: NPRS_LOINC });
    expect(pain?.valueInteger).toBe(6);
    expect(pain?.bodySite?.text).toBe('Temple, left');
  });

  it('gives ROM in degrees against the AAOS normal, flagged when limited', () => {
    const rom = observations.find((o) => o.id?.startsWith('rom-') && o.id.endsWith('-0'));
    expect(rom?.valueQuantity).toMatchObject({ value: 50, code: 'deg', system: SYSTEM.ucum });
    expect(rom?.referenceRange?.[0]?.text).toBe('AAOS normal 60°');
    expect(rom?.interpretation?.[0]?.coding?.[0]?.code).toBe('L');
  });

  it('reads a special test as positive with what it suggests', () => {
    const st = observations.find((o) => o.id?.startsWith('st-'));
    expect(st?.valueCodeableConcept?.coding?.[0]?.code).toBe('POS');
    expect(st?.note?.[0]?.text).toMatch(/radiculopathy/i);
  });
});

describe('outcome questionnaires', () => {
  const response = assessment.outcomes[1]!; // NDI
  const result = scoreOutcomeResponse(response);

  it('emits the questionnaire response with an answer per item', () => {
    const qr = toFhirQuestionnaireResponse({
      id: ASM,
      patientId: PAT,
      response,
      createdBy: THR,
      createdAt: new Date(),
    });
    expectValidFhir(qr);
    expect(qr.questionnaire).toBe('https://fascia.dev/fhir/Questionnaire/ndi');
    expect(qr.item).toHaveLength(10);
    expect(qr.item?.[0]?.answer?.[0]?.valueCoding?.code).toBeDefined();
  });

  it('emits the score derived from the response', () => {
    const obs = toFhirOutcomeScore(ASM, result, ctx);
    expectValidFhir(obs);
    expect(obs.valueQuantity?.value).toBe(result.score);
    expect(obs.derivedFrom?.[0]?.reference).toBe(`QuestionnaireResponse/${ASM}`);
    expect(obs.code.text).toBe('NDI');
  });

  it('codes an NPRS score with LOINC too, and an unscorable form with a reason', () => {
    const nprs = scoreOutcomeResponse({ instrumentId: 'nprs', answers: { pain: 7 } });
    const obs = toFhirOutcomeScore(ASM, nprs, ctx);
    expectValidFhir(obs);
    expect(obs.code.coding?.map((c) => c.code)).toContain(NPRS_LOINC);
    const blank = toFhirOutcomeScore(ASM, scoreOutcomeResponse({ instrumentId: 'nprs', answers: {} }), ctx);
    expectValidFhir(blank);
    expect(blank.dataAbsentReason?.coding?.[0]?.code).toBe('error');
  });
});
