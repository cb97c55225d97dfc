import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, operationOutcome, searchBundle } from './bundle.ts';
import { capabilityStatement, FHIR_TYPES, isFhirType } from './capability.ts';
import { expectValidFhir } from './fhir-schema.fixture.ts';
import { matchesDate, matchesFilters, parseDateFilter, parseToken, resourcePatientId } from './search.ts';

const obs: Observation = {
  resourceType: 'Observation',
  id: 'x',
  meta: { lastUpdated: '2025-03-03T10:00:00.000Z' },
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2025-03-03',
};
const f = (v: string) => parseDateFilter(v)!;

describe('search parameters (FHIR R4 search, dates and tokens)', () => {
  it.each([
    ['2025-03-03', true],
    ['2025-03', true],
    ['2025', true],
    ['2025-03-04', false],
    ['ge2025-03-03', true],
    ['gt2025-03-03', false],
    ['lt2025-03-04', true],
    ['le2025-03-02', false],
    ['ne2025-03-03', false],
  ])('date %s matches 2025-03-03: %s', (value, expected) => {
    expect(matchesDate('2025-03-03', f(value))).toBe(expected);
  });

  it('refuses what is not a date', () => expect(parseDateFilter('yesterday')).toBeUndefined());

  it('matches tokens with and without system', () => {
    const base = { dates: [], lastUpdated: [] };
    expect(matchesFilters(obs, { ...base, codes: [parseToken('72514-3')] })).toBe(true);
    expect(matchesFilters(obs, { ...base, codes: [parseToken('http://loinc.org|72514-3')] })).toBe(true);
    expect(matchesFilters(obs, { ...base, codes: [parseToken('http://snomed.info/sct|72514-3')] })).toBe(
      false,
    );
    expect(matchesFilters(obs, { ...base, codes: [parseToken('http://loinc.org|')] })).toBe(true);
    expect(matchesFilters(obs, { ...base, lastUpdated: [f('gt2025-03-04')] })).toBe(false);
    expect(resourcePatientId(obs)).toBe('p1');
  });

  it('round-trips a page cursor and refuses a forged one', () => {
    expect(decodeCursor(encodeCursor({ s: 1, k: 'abc', n: 2 }))).toEqual({ s: 1, k: 'abc', n: 2 });
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
  });
});

describe('what the server advertises', () => {
  it('is a valid CapabilityStatement listing every served type', () => {
    const cs = capabilityStatement({ baseUrl: 'https://x/fhir/R4', version: '0.1.0', date: '2025-03-03' });
    expect(cs.fhirVersion).toBe('4.0.1');
    // The validator's bundled schema was generated from R4 4.0.0 and its version list stops there;
    // 4.0.1 is the technical correction of the same release, so the rest is checked as 4.0.0.
    expectValidFhir({ ...cs, fhirVersion: '4.0.0' });
    expect(cs.rest?.[0]?.resource?.map((r) => r.type)).toEqual(Object.keys(FHIR_TYPES));
    expect(isFhirType('Condition')).toBe(true);
    expect(isFhirType('toString')).toBe(false);
  });

  it('builds valid searchset bundles and outcomes', () => {
    expectValidFhir(
      searchBundle({
        resources: [obs],
        baseUrl: 'https://x/fhir/R4',
        selfUrl: 'https://x',
        nextUrl: 'https://y',
      }),
    );
    expectValidFhir(
      operationOutcome([{ code: 'invalid', diagnostics: 'bad', expression: 'Bundle.entry[0]' }]),
    );
  });
});
