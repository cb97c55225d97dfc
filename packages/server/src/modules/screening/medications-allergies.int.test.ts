import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../../test/harness.ts';

/**
 * Issue 13, item 5, through the API: a medication recorded by name takes its class from the
 * catalogue, an SSRI with an NSAID gives the bleeding caution (Zoloft labelling §5.3, de Abajo
 * 2011, Andrade 2010), and allergies reach the findings as product advice (Anaphylaxis Campaign /
 * AAAAI on nut oils, NIOSH 97-135 on latex); retired and corrected items stop firing.
 */
let ctx: TestContext;
let therapist: Session;

beforeAll(async () => {
  ctx = await startTestApp();
  const clinic = await createTestClinic(ctx);
  therapist = await signIn(ctx.app, clinic.emailOf('therapist'));
});

async function newPatient(family: string): Promise<string> {
  const res = await call(ctx.app, therapist, 'POST', '/api/patients', {
    record: {
      legalName: { given: 'Robin', family },
      dateOfBirth: '1979-06-15',
      sex: 'female',
      consents: {
        treatment: { given: true, date: '2025-01-10' },
        communication: { given: false, channels: [] },
      },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function record(patientId: string, kind: string, item: Record<string, unknown>) {
  const res = await call(ctx.app, therapist, 'POST', `/api/patients/${patientId}/history`, { kind, item });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; item: Record<string, unknown> };
}

async function firedRules(patientId: string): Promise<string[]> {
  const res = await call(ctx.app, therapist, 'GET', `/api/patients/${patientId}/screening-context`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.findings.map((f: { ruleId: string }) => f.ruleId);
}

describe('issue 13: medications by name and allergies in screening', () => {
  it('finding 5: sertraline recorded by name with ibuprofen gives the bleeding caution; sertraline alone does not', async () => {
    const id = await newPatient('Sertraline');
    const sertraline = await record(id, 'medications', { name: 'Sertraline', dose: '50 mg daily' });
    expect(sertraline.item).toMatchObject({ name: 'Sertraline', class: 'ssri', dose: '50 mg daily' });
    expect(await firedRules(id)).not.toContain('modify.serotonergic_bleeding');

    await record(id, 'medications', { name: 'Ibuprofen', dose: '400 mg as needed' });
    expect(await firedRules(id)).toContain('modify.serotonergic_bleeding');

    const screening = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/screenings`, {
      dayOf: {},
      acknowledged: true,
      overrides: [],
    });
    expect(screening.statusCode, screening.body).toBe(201);
    const caution = screening
      .json()
      .findings.find((f: { ruleId: string }) => f.ruleId === 'modify.serotonergic_bleeding');
    expect(caution.reason).toMatch(/watch for bruising/);
    expect(caution.source).toMatch(/Zoloft \(sertraline\)/);
  });

  it('finding 5: an NSAID told on the day meets a listed SSRI in the day-of screening', async () => {
    const id = await newPatient('DayOfNsaid');
    await record(id, 'medications', { name: 'Escitalopram' });
    const screening = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/screenings`, {
      dayOf: { newMedications: [{ name: 'naproxen' }] },
      acknowledged: true,
      overrides: [],
    });
    expect(screening.statusCode, screening.body).toBe(201);
    expect(screening.json().findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'modify.serotonergic_bleeding',
    );
  });

  it('finding 5: a medication not in the catalogue still needs a class, named on the field', async () => {
    const id = await newPatient('Uncatalogued');
    const res = await call(ctx.app, therapist, 'POST', `/api/patients/${id}/history`, {
      kind: 'medications',
      item: { name: 'Levothyroxine' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'item.class' })]);
  });

  it('finding 5: a nut-oil allergy gives the nut-free lubricant finding until it is retired', async () => {
    const id = await newPatient('NutOil');
    const almond = await record(id, 'allergies', {
      substance: 'Sweet almond oil',
      category: 'nut_oil',
      severity: 'moderate',
    });
    const context = await call(ctx.app, therapist, 'GET', `/api/patients/${id}/screening-context`);
    const nut = context
      .json()
      .result.findings.find((f: { ruleId: string }) => f.ruleId === 'modify.allergy_nut_oil');
    expect(nut.reason).toMatch(/^Allergic to Sweet almond oil: use a nut-free lubricant/);

    const retired = await call(
      ctx.app,
      therapist,
      'POST',
      `/api/patients/${id}/history/${almond.id}/retire`,
      {
        reason: 'entered in error',
      },
    );
    expect(retired.statusCode, retired.body).toBe(204);
    expect(await firedRules(id)).not.toContain('modify.allergy_nut_oil');
  });

  it('finding 5: a latex allergy corrected to an adhesive allergy no longer asks for nitrile gloves', async () => {
    const id = await newPatient('Latex');
    const latex = await record(id, 'allergies', {
      substance: 'Latex',
      category: 'latex',
      severity: 'severe',
    });
    expect(await firedRules(id)).toContain('modify.allergy_latex');
    const corrected = await call(ctx.app, therapist, 'PUT', `/api/patients/${id}/history/${latex.id}`, {
      kind: 'allergies',
      item: { substance: 'Medical tape', category: 'adhesive', severity: 'mild' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await firedRules(id)).not.toContain('modify.allergy_latex');
  });
});
