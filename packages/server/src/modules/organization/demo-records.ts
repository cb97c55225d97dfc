import { INITIAL_HEADACHE_ASSESSMENT } from '@fascia/domain/assessment/assessment.fixtures';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD, DEMO_STAFF } from './organization.setup.ts';

/**
 * A few patients for the demo clinic, entered through the API as the demo therapist would, so a
 * newcomer finds a chart to open: one with the safety picture the screening engine is built for
 * (on a blood thinner, pregnant, recent lumbar surgery) and one with a signed headache assessment
 * and its outcome measures.
 */
export async function seedDemoRecords(app: FastifyInstance, today: Date = new Date()): Promise<void> {
  const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const therapist = DEMO_STAFF.find((s) => s.role === 'therapist');
  if (!therapist) return;
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: therapist.email, password: DEMO_PASSWORD },
  });
  const cookie = signIn.cookies.find((c) => c.name === 'fascia_session');
  if (signIn.statusCode !== 200 || !cookie) throw new Error(`demo sign-in failed: ${signIn.body}`);
  const headers = {
    cookie: `fascia_session=${cookie.value}`,
    'x-csrf-token': signIn.json().csrfToken as string,
  };
  const post = async (url: string, payload: unknown) => {
    const res = await app.inject({ method: 'POST', url, headers, payload: payload as object });
    if (res.statusCode >= 300) throw new Error(`demo data: POST ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const consents = {
    treatment: { given: true, date: day(-30) },
    communication: { given: false, channels: [] },
  };

  const provider = await post('/api/providers', {
    name: { given: 'Demo', family: 'Physician' },
    credentials: ['MD'],
    npi: '1234567893',
    specialty: 'Physical medicine and rehabilitation',
  });

  const sciatica = await post('/api/patients', {
    record: {
      legalName: { given: 'Alex', family: 'Demo-Sciatica' },
      dateOfBirth: '1991-04-12',
      sex: 'female',
      phone: '+1 555 010 0101',
      consents,
    },
  });
  await post(`/api/patients/${sciatica.id}/coverages`, {
    payerName: 'Demo Health Plan',
    memberId: 'DHP-000101',
    relationship: 'self',
    order: 'primary',
  });
  for (const item of [
    { kind: 'medications', item: { name: 'Warfarin', class: 'anticoagulant', dose: '5 mg daily' } },
    { kind: 'pregnancy', item: { edd: day(16 * 7) } },
    {
      kind: 'surgeries',
      item: { date: day(-21), description: 'Lumbar microdiscectomy', regions: [{ regionId: 'lumbar' }] },
    },
    { kind: 'allergies', item: { substance: 'Almond oil', category: 'nut_oil', severity: 'moderate' } },
  ]) {
    await post(`/api/patients/${sciatica.id}/history`, item);
  }
  await post(`/api/patients/${sciatica.id}/referrals`, {
    providerId: provider.id,
    dateWritten: day(-2),
    diagnoses: ['M54.31'],
    frequency: { timesPerWeek: 2 },
    durationWeeks: 6,
    visitsAuthorized: 12,
    validFrom: day(-2),
    validUntil: day(60),
    goals: ['Sit through a workday with pain at most 3/10'],
  });

  const headache = await post('/api/patients', {
    record: {
      legalName: { given: 'Sam', family: 'Demo-Headache' },
      dateOfBirth: '1985-09-01',
      sex: 'male',
      consents,
    },
  });
  await post(`/api/patients/${headache.id}/referrals`, {
    providerId: provider.id,
    dateWritten: day(-30),
    diagnoses: ['G44.209'],
    frequency: { timesPerWeek: 1 },
    durationWeeks: 8,
    visitsAuthorized: 8,
    validFrom: day(-30),
    validUntil: day(30),
  });
  const {
    kind,
    patientId: _p,
    therapistId: _t,
    referralId: _r,
    performedOn: _d,
    ...content
  } = INITIAL_HEADACHE_ASSESSMENT;
  const performedOn = day(-28);
  const assessment = await post(`/api/patients/${headache.id}/assessments`, {
    kind,
    performedOn,
    content: { ...content, outcomes: content.outcomes?.map((o) => ({ ...o, administeredOn: performedOn })) },
  });
  await post(`/api/assessments/${assessment.id}/sign`, { version: 1 });
}
