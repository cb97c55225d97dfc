import { expectValidFhir } from '@fascia/domain/fhir/fhir-schema.fixture';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';
import { createFullChart } from './fhir-chart.fixture.ts';

// The read API for a patient with history, referral, screening, assessment, plan and a signed note.
let ctx: TestContext;
let therapist: Session;
let owner: Session;
let chart: Awaited<ReturnType<typeof createFullChart>>;
let everything: Bundle;

const get = (s: Session, url: string) => call(ctx.app, s, 'GET', url);
const json = <T = Bundle>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
  owner = await signIn(ctx.app, clinic.emailOf('owner'));
  chart = await createFullChart(ctx, therapist);
  everything = json(await get(therapist, `/fhir/R4/Patient/${chart.patientId}/$everything`));
});

describe('FHIR R4 read API', () => {
  it('publishes a CapabilityStatement without sign-in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const cs = res.json();
    expect(cs.resourceType).toBe('CapabilityStatement');
    expectValidFhir({ ...cs, fhirVersion: '4.0.0' }); // the validator's schema lists versions up to 4.0.0
  });

  it('$everything returns every type the chart holds, each resource valid R4', () => {
    expect(everything.type).toBe('searchset');
    const types = new Set(everything.entry?.map((e) => e.resource?.resourceType));
    for (const t of [
      'Patient',
      'Coverage',
      'ServiceRequest',
      'Condition',
      'AllergyIntolerance',
      'MedicationStatement',
      'Observation',
      'QuestionnaireResponse',
      'CarePlan',
      'Goal',
      'Encounter',
      'Procedure',
      'DocumentReference',
      'Practitioner',
      'Organization',
    ]) {
      expect(types, t).toContain(t);
    }
    for (const e of everything.entry ?? []) expectValidFhir(e.resource);
    expectValidFhir(everything);
  });

  it('reads each resource of the bundle back by type and id, identical', async () => {
    for (const e of everything.entry ?? []) {
      const r = e.resource as Resource;
      const read = json<Resource>(await get(therapist, `/fhir/R4/${r.resourceType}/${r.id}`));
      expect(read, `${r.resourceType}/${r.id}`).toEqual(r);
    }
  });

  it('links the note to the referral, the plan and its procedures with body sites', () => {
    const byType = (t: string) =>
      everything.entry?.filter((e) => e.resource?.resourceType === t).map((e) => e.resource);
    const encounter = byType('Encounter')?.[0] as { basedOn: Array<{ reference: string }> };
    expect(encounter.basedOn[0]?.reference).toBe(`ServiceRequest/${chart.referralId}`);
    const procedures = byType('Procedure') as Array<{ bodySite: Array<{ text: string }> }>;
    expect(procedures.map((p) => p.bodySite[0]?.text)).toContain('Buttock (gluteal), left');
  });

  it('searches by patient and code (NPRS, LOINC 72514-3) and by date', async () => {
    const nprs = json(
      await get(
        therapist,
        `/fhir/R4/Observation?patient=Patient/${chart.patientId}&code=http://loinc.org|72514-3`,
      ),
    );
    expect(nprs.entry?.length).toBeGreaterThanOrEqual(3); // the questionnaire score and pain before/after the visit
    for (const e of nprs.entry ?? []) expectValidFhir(e.resource);
    const future = json(
      await get(therapist, `/fhir/R4/Observation?patient=${chart.patientId}&date=gt2999-01-01`),
    );
    expect(future.entry).toEqual([]);
    const sr = json(await get(therapist, `/fhir/R4/ServiceRequest?patient=${chart.patientId}&code=M54.31`));
    expect(sr.entry?.map((e) => e.resource?.id)).toEqual([chart.referralId]);
    const recent = json(
      await get(therapist, `/fhir/R4/Encounter?patient=${chart.patientId}&_lastUpdated=ge2000-01-01`),
    );
    expect(recent.entry).toHaveLength(1);
  });

  it('pages with self and next links, by keyset, without gaps or repeats', async () => {
    const all = json(await get(therapist, `/fhir/R4/Observation?patient=${chart.patientId}&_count=200`));
    const seen: string[] = [];
    let url: string | undefined = `/fhir/R4/Observation?patient=${chart.patientId}&_count=3`;
    let pages = 0;
    while (url) {
      const page: Bundle = json(await get(therapist, url));
      expectValidFhir(page);
      expect(page.link?.[0]?.relation).toBe('self');
      seen.push(...(page.entry ?? []).map((e) => e.resource?.id as string));
      const next: string | undefined = page.link?.find((l) => l.relation === 'next')?.url;
      url = next ? next.replace(/^https?:\/\/[^/]+/, '') : undefined;
      pages += 1;
    }
    expect(pages).toBeGreaterThan(2);
    expect(seen).toEqual(all.entry?.map((e) => e.resource?.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers unknown types, ids and bad parameters with an OperationOutcome', async () => {
    for (const [url, status] of [
      ['/fhir/R4/Medication/x', 404],
      ['/fhir/R4/Observation/not-an-id', 404],
      [`/fhir/R4/Observation?date=yesterday`, 400],
      ['/fhir/R4/Observation?_cursor=forged', 400],
      ['/fhir/R4/Patient/00000000-0000-4000-8000-000000000000', 404],
    ] as const) {
      const res = await get(therapist, url);
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type']).toContain('application/fhir+json');
      expect(res.json().resourceType, url).toBe('OperationOutcome');
      expectValidFhir(res.json());
    }
  });

  it('audits every read with the patient id, and exports the trail as AuditEvent', async () => {
    const events = await ctx.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('action', 'in', ['fhir.read', 'fhir.search', 'fhir.everything'])
      .execute();
    expect(
      events.filter((e) => e.action === 'fhir.everything' && e.patient_id === chart.patientId),
    ).toHaveLength(1);
    expect(events.some((e) => e.action === 'fhir.read' && e.patient_id === chart.patientId)).toBe(true);
    const trail = json(await get(owner, `/fhir/R4/AuditEvent?_count=50`));
    expect(trail.entry?.length).toBe(50);
    for (const e of trail.entry ?? []) expectValidFhir(e.resource);
  });
});
