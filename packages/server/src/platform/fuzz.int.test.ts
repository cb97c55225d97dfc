import { referralBundle } from '@fascia/domain/fhir/import-referral.fixture';
import { examplePlan } from '@fascia/domain/plans/example-patient.fixture';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFlagshipPatient, daysFromToday } from '../../test/flagship-patient.ts';
import { flagshipProvider, flagshipReferral } from '../../test/flagship-records.ts';
import {
  type FuzzRequest,
  type Json,
  jsonSchemaOf,
  mutationsOf,
  paramCases,
  pick,
  positions,
  queryCases,
  sample,
  seededRandom,
  wholeBodyCases,
  withValue,
} from '../../test/fuzz-requests.ts';
import {
  call,
  createTestClinic,
  type Session,
  signIn,
  startTestApp,
  type TestContext,
} from '../../test/harness.ts';
import { createFullChart } from '../modules/fhir/fhir-chart.fixture.ts';

/**
 * Issue 12, finding 8: malformed input must never be a 5xx. Every route the app registers gets
 * requests derived from its own schemas (wrong types, missing fields, NUL and lone surrogates, huge
 * and out-of-range values, year 0000, other clinics' ids, wrong media types, deep JSON), drawn from
 * a seeded generator. Each answer must be a 4xx problem+json (an OperationOutcome under /fhir) that
 * names the field, and a refused request must leave every table's row count as it was.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const FIELD_CASES_PER_ROUTE = 18;
/**
 * Mutations no field accepts in any context: the refusal must name the field (or the object
 * holding it). Others (a free text with SQL in it) may be accepted, or refused for another field.
 */
const STRICT = new Set(['NUL', 'lone high surrogate', 'lone low surrogate', 'NUL item', 'NUL key']);
/** Refusals are audited, and signing in writes a session: the only rows a refusal may add. */
const MAY_GROW_ON_REFUSAL = new Set(['audit_events', 'audit_chain_heads', 'sessions']);

let ctx: TestContext;
let ids: Record<string, string>;
let foreign: Record<string, string>;
let tables: string[];

beforeAll(async () => {
  ctx = await startTestApp();
  const a = await createTestClinic(ctx);
  const b = await createTestClinic(ctx);
  const therapist = await signIn(ctx.app, a.emailOf('therapist'));
  const chart = await createFullChart(ctx, therapist);
  const other = await createFlagshipPatient(ctx, await signIn(ctx.app, b.emailOf('therapist')));
  const owner = await signIn(ctx.app, a.emailOf('owner'));
  const get = async (url: string) => (await call(ctx.app, owner, 'GET', url)).json();
  const p = chart.patientId;
  const document = (await get(`/api/patients/${p}/documents`)).items[0];
  const share = (await call(ctx.app, owner, 'POST', `/api/documents/${document.id}/shares`, {})).json();
  const kiosk = (
    await call(ctx.app, owner, 'POST', `/api/patients/${p}/kiosk`, { instrumentIds: ['nprs'] })
  ).json();
  const apiKey = (await call(ctx.app, owner, 'POST', '/api/api-keys', { name: 'fuzz' })).json();
  ids = {
    patientId: p,
    referralId: chart.referralId,
    assessmentId: chart.assessmentId,
    planId: chart.planId,
    noteId: chart.noteId,
    screeningId: (await get(`/api/patients/${p}/screenings`)).items[0].id,
    documentId: document.id,
    shareId: share.id,
    providerId: (await get('/api/providers')).items[0].id,
    coverageId: (await get(`/api/patients/${p}/coverages`)).items[0].id,
    itemId: (await get(`/api/patients/${p}/history`)).items?.[0]?.id ?? p,
    userId: a.idOf('therapist'),
    apiKeyId: apiKey.id ?? apiKey.key?.id,
    kioskToken: kiosk.token,
    shareToken: String(share.url).split('/').pop() as string,
  };
  foreign = { patientId: other.patientId, referralId: other.referralId, assessmentId: other.assessmentId };
  ownerEmail = a.emailOf('owner');
  const rows = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(ctx.ownerDb);
  tables = rows.rows.map((r) => r.table_name).filter((t) => !MAY_GROW_ON_REFUSAL.has(t));
}, 120_000);

let ownerEmail: string;

async function rowCounts(): Promise<Record<string, number>> {
  const select = tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ');
  const { rows } = await sql<Record<string, number>>`SELECT ${sql.raw(select)}`.execute(ctx.ownerDb);
  return rows[0] as Record<string, number>;
}

/** The real id a path parameter stands for, from the word before it (`/api/notes/:id` → a note). */
function idFor(url: string, param: string): { valid: string; other?: string } {
  if (param === 'token') {
    const token = url.startsWith('/api/kiosk')
      ? ids.kioskToken
      : url.startsWith('/api/shared')
        ? ids.shareToken
        : 'x'.repeat(43);
    return { valid: token as string };
  }
  if (param === 'type') return { valid: 'Patient' };
  if (param === 'file') return { valid: 'Patient.ndjson' };
  if (param !== 'id') return { valid: ids[param] ?? (ids.patientId as string) };
  const before = url.split(`/:${param}`)[0]?.split('/').pop() ?? '';
  const kind: Record<string, string> = {
    patients: 'patientId',
    Patient: 'patientId',
    referrals: 'referralId',
    assessments: 'assessmentId',
    plans: 'planId',
    notes: 'noteId',
    screenings: 'screeningId',
    documents: 'documentId',
    shares: 'shareId',
    providers: 'providerId',
    staff: 'userId',
    'api-keys': 'apiKeyId',
    ':type': 'patientId',
  };
  const key = kind[before] ?? 'patientId';
  return { valid: ids[key] ?? (ids.patientId as string), other: foreign[key] };
}

/** Bodies known to be accepted, so that one broken field at a time reaches the service. */
function validBody(method: string, url: string): Json | undefined {
  const day = daysFromToday;
  const bodies: Record<string, () => unknown> = {
    'POST /api/patients': () => ({
      record: {
        legalName: { given: 'Fuzz', family: 'Case' },
        dateOfBirth: '1980-01-01',
        sex: 'female',
        consents: { treatment: { given: true, date: day(0) }, communication: { given: false, channels: [] } },
      },
    }),
    'POST /api/providers': () => flagshipProvider,
    'PUT /api/providers/:id': () => flagshipProvider,
    'POST /api/patients/:id/referrals': () => flagshipReferral(ids.providerId as string, day),
    'PUT /api/referrals/:id': () => flagshipReferral(ids.providerId as string, day),
    'POST /api/patients/:id/history': () => ({
      kind: 'surgeries',
      item: { date: day(-30), description: 'Knee arthroscopy', regions: [{ regionId: 'lumbar' }] },
    }),
    'POST /api/patients/:id/coverages': () => ({
      payerName: 'Acme',
      memberId: 'M-2',
      relationship: 'self',
      order: 'secondary',
      validFrom: day(0),
    }),
    'POST /api/patients/:id/outcomes': () => ({
      instrumentId: 'nprs',
      administeredOn: day(0),
      answers: { pain: 4 },
      completedBy: 'staff_transcribed',
    }),
    'POST /api/patients/:id/assessments': () => ({
      kind: 'initial',
      performedOn: day(0),
      referralId: ids.referralId,
      content: {},
    }),
    'POST /api/patients/:id/plans': () => ({
      content: { ...examplePlan, referralId: ids.referralId, assessmentId: ids.assessmentId },
    }),
    'POST /api/patients/:id/screenings': () => ({
      dayOf: { temperature: { value: 36.6, unit: 'C' } },
      acknowledged: true,
    }),
    'POST /api/patients/:id/notes': () => ({ screeningId: ids.screeningId, planId: ids.planId }),
    'POST /api/referrals/:id/reports': () => ({
      kind: 'progress_report',
      assessment: 'Better.',
      recommendation: 'continue',
    }),
    'POST /api/kiosk/:token/responses': () => ({ instrumentId: 'nprs', answers: { pain: 3 } }),
    'POST /fhir/R4/ServiceRequest/$import': () => referralBundle(),
    'POST /fhir/R4': () => referralBundle(),
  };
  return bodies[`${method} ${url}`]?.() as Json | undefined;
}

function requestsFor(
  route: { method: string; url: string; schema?: unknown },
  rand: () => number,
): FuzzRequest[] {
  const schema = (route.schema ?? {}) as { body?: unknown; querystring?: unknown };
  const fhir = route.url.startsWith('/fhir');
  const json = fhir ? 'application/fhir+json' : 'application/json';
  const params = [...route.url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
  const fill = (over: Record<string, string> = {}) =>
    route.url.replace(/:([a-zA-Z]+)/g, (_m, p: string) => over[p] ?? idFor(route.url, p).valid);
  const url = fill();
  const out: FuzzRequest[] = [];
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const bodySchema = jsonSchemaOf(schema.body);
  const known = validBody(route.method, route.url) !== undefined;
  const base: Json | undefined = hasBody
    ? (validBody(route.method, route.url) ?? sample(bodySchema, 'body', ids))
    : undefined;
  const send = (label: string, over: Partial<FuzzRequest>) =>
    out.push({
      label: `${route.method} ${route.url} ${label}`,
      method: route.method,
      url,
      headers: {},
      ...over,
    });

  for (const p of params) {
    const { valid, other } = idFor(route.url, p);
    for (const c of paramCases(valid, other)) {
      send(`param ${p}: ${c.name}`, {
        url: fill({ [p]: c.value }),
        ...(hasBody ? { payload: JSON.stringify(base), headers: { 'content-type': json } } : {}),
      });
    }
  }
  const querySchema = jsonSchemaOf(schema.querystring);
  const queryKeys = querySchema?.properties
    ? Object.keys(querySchema.properties as object)
    : fhir && route.method === 'GET'
      ? ['_count', 'date', '_lastUpdated', 'patient', '_cursor', 'code', '_id', '_type', '_since']
      : [];
  for (const key of queryKeys) {
    for (const c of pick(rand, queryCases(key), 5))
      send(`query ${key}: ${c.name}`, { url: `${url}?${c.query}` });
  }
  if (route.method === 'GET') send('query: unknown parameter', { url: `${url}?unexpected=1` });

  if (hasBody) {
    const body = base ?? {};
    for (const c of wholeBodyCases(body, json)) {
      send(`body: ${c.name}`, { payload: c.payload, headers: c.type ? { 'content-type': c.type } : {} });
    }
    const cases = positions(body).flatMap(({ path, value }) =>
      mutationsOf(value, String(path[path.length - 1]), Object.values(foreign)).map((m) => ({ path, ...m })),
    );
    for (const c of pick(rand, cases, FIELD_CASES_PER_ROUTE)) {
      const field = c.path.join('.');
      send(`field ${field}: ${c.name}`, {
        payload: JSON.stringify(withValue(body, c.path, c.value)),
        headers: { 'content-type': json },
        ...(STRICT.has(c.name) || (known && c.name.startsWith('date 0000')) ? { field } : {}),
      });
    }
  }
  return out;
}

/** The answer names the broken field, or the object holding it (`record.legalName` for `record.legalName.given`). */
function names(named: string, broken: string): boolean {
  const field = named.replace(/^body\.?/, '');
  return field === '' || broken === field || broken.startsWith(`${field}.`) || field.startsWith(`${broken}.`);
}

/** What every refusal must look like: RFC 9457 problem+json, or an OperationOutcome under /fhir. */
function shapeProblem(
  req: FuzzRequest,
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
) {
  const type = String(res.headers['content-type'] ?? '');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `not JSON (${type}): ${res.body.slice(0, 80)}`;
  }
  if (req.url.startsWith('/fhir')) {
    if (!type.startsWith('application/fhir+json')) return `content-type ${type}`;
    if (body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue))
      return 'not an OperationOutcome';
    return undefined;
  }
  if (!type.startsWith('application/problem+json')) return `content-type ${type}`;
  if (typeof body.title !== 'string' || body.status !== res.statusCode)
    return `no title/status: ${res.body.slice(0, 120)}`;
  if (res.statusCode === 422 && String(body.type).endsWith('/validation')) {
    const errors = body.errors as { field?: unknown }[] | undefined;
    if (!errors?.length || errors.some((e) => typeof e.field !== 'string' || !e.field))
      return 'validation without fields';
    if (req.field && !errors.some((e) => names(String(e.field), req.field as string)))
      return `names ${errors.map((e) => e.field).join(', ')}, not ${req.field}`;
  }
  return undefined;
}

describe('finding 8: malformed input on every route', () => {
  it('answers 2,000+ schema-derived malformed requests with 4xx problems and changes nothing it refused', async () => {
    const rand = seededRandom(SEED);
    const routes = ctx.app.routeTable.filter((r) => !r.url.startsWith('/api/docs'));
    const failures: string[] = [];
    let sent = 0;
    let signIns = 0;
    let session: Session = await signIn(ctx.app, ownerEmail);
    let before = await rowCounts();
    let countMs = 0;
    for (const route of routes) {
      for (const req of requestsFor(route, rand)) {
        const headers: Record<string, string> = {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...req.headers,
        };
        const res = await ctx.app.inject({
          method: req.method as 'GET',
          url: req.url,
          headers,
          ...(req.payload !== undefined ? { payload: req.payload } : {}),
        });
        sent += 1;
        if (res.statusCode >= 500)
          failures.push(`${req.label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        else if (res.statusCode >= 400) {
          const wrong = shapeProblem(req, res);
          if (wrong) failures.push(`${req.label} → ${res.statusCode} ${wrong}`);
        }
        const t0 = performance.now();
        if (res.statusCode < 400) before = await rowCounts();
        else if (req.method !== 'GET') {
          const after = await rowCounts();
          const changed = tables.filter((t) => after[t] !== before[t]);
          if (changed.length)
            failures.push(`${req.label} → ${res.statusCode} yet changed ${changed.join(', ')}`);
          before = after;
        }
        countMs += performance.now() - t0;
        if (res.statusCode === 401 && route.url.startsWith('/api/') && !req.label.includes('sign-in')) {
          // A fuzzed request that ended the session (sign-out, password change) must not blind the rest.
          session = await signIn(ctx.app, ownerEmail);
          signIns += 1;
          before = await rowCounts();
        }
      }
    }
    // FUZZ_REPORT=<file> writes every failure there (the assertion shows the first 80).
    if (process.env.FUZZ_REPORT)
      (await import('node:fs')).writeFileSync(
        process.env.FUZZ_REPORT,
        `${signIns} sign-ins, ${sent} sent, ${Math.round(countMs)} ms counting\n${failures.join('\n')}`,
      );
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(failures.slice(0, 80), `${failures.length} failures of ${sent} requests`).toEqual([]);
  }, 180_000);
});
