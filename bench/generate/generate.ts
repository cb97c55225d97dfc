import { healthHistorySchema } from '@fascia/domain/patients/health-history.schema';
import { normalizeForSearch } from '@fascia/domain/patients/name-search';
import { patientSchema } from '@fascia/domain/patients/patient.schema';
import { planOfCareSchema } from '@fascia/domain/plans/plan-of-care.schema';
import { referralSchema } from '@fascia/domain/referrals/referral.schema';
import { signedNoteSchema } from '@fascia/domain/sessions/session-note.schema';
import type pg from 'pg';
import type { ZodType } from 'zod';
import { auditRowHash, GENESIS_HASH } from '../../packages/server/src/platform/audit.ts';
import { providerData } from './content.ts';
import { Loader, T, type TableStats } from './loader.ts';
import { familyName, givenName, npi } from './names.ts';
import {
  type Chunk,
  draftNote,
  emptyChunk,
  generatePatient,
  type OrgContext,
  type PatientFacts,
} from './patient.ts';
import { addDays, Rng } from './prng.ts';

export interface GenerateOptions {
  scale: number;
  seed: number;
  /** The generated clinic's "today": visits lie before it, open drafts on it. */
  anchor: string;
  passwordHash: string;
  log: (line: string) => void;
}

/** What the load tests use, all from the first clinic; kept in the bench_meta table. */
export interface Fixture {
  scale: number;
  seed: number;
  anchor: string;
  organizations: number;
  ownerEmail: string;
  therapists: Record<string, string>;
  chart: Array<{ patientId: string; therapistId: string; visits: number }>;
  searches: Array<{ q: string; therapistId: string }>;
  saveDrafts: Array<{ noteId: string; therapistId: string }>;
  signDrafts: Array<{ noteId: string; therapistId: string }>;
  reports: Array<{ referralId: string; therapistId: string; visits: number }>;
  auditDay: string;
}

export interface GenerateResult {
  fixture: Fixture;
  tables: Record<string, TableStats>;
  seconds: number;
}

export const BENCH_EMAIL_DOMAIN = 'bench.example';
const CHUNK_PATIENTS = 250;

export async function generate(client: pg.Client, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const rng = new Rng(opts.seed);
  const loader = new Loader(client);
  const orgCount = opts.scale <= 1 ? 1 : Math.max(2, Math.round(opts.scale / 10));
  const patientsPerOrg = Math.max(20, Math.round((2000 * opts.scale) / orgCount));
  const therapistsPerOrg = Math.max(2, Math.round((20 * opts.scale) / orgCount));
  let fixture: Fixture | undefined;

  for (let o = 0; o < orgCount; o++) {
    const orgId = rng.uuid();
    const ownerEmail = `owner.c${o + 1}@${BENCH_EMAIL_DOMAIN}`;
    await loader.insert(T.organizations, [[orgId, `Bench clinic ${o + 1}`, false, 120, 'UTC']]);
    const therapists: string[] = [];
    const users: unknown[][] = [
      [rng.uuid(), orgId, ownerEmail, 'Clinic owner', 'owner', opts.passwordHash, null, null],
    ];
    const emails: Record<string, string> = {};
    for (let t = 0; t < therapistsPerOrg; t++) {
      const id = rng.uuid();
      const email = `therapist${t + 1}.c${o + 1}@${BENCH_EMAIL_DOMAIN}`;
      therapists.push(id);
      emails[id] = email;
      users.push([
        id,
        orgId,
        email,
        `${givenName(rng)} ${familyName(rng)}`,
        'therapist',
        opts.passwordHash,
        'LMT',
        // Signing needs a therapist's licence number; the sign scenario signs as these therapists.
        `MT-${o + 1}-${t + 1}`,
      ]);
    }
    await loader.insert(T.users, users);
    const providers: string[] = [];
    const providerRows: unknown[][] = [];
    const npis = new Set<string>();
    for (let p = 0; p < Math.max(5, Math.round(patientsPerOrg / 25)); p++) {
      const id = rng.uuid();
      const number = npi(rng);
      if (npis.has(number)) continue;
      npis.add(number);
      const data = providerData(rng, number);
      const display = `${data.name.given} ${data.name.family}, ${data.credentials.join(', ')}`;
      providers.push(id);
      providerRows.push([id, orgId, number, display, normalizeForSearch(display), JSON.stringify(data)]);
    }
    await loader.insert(T.referring_providers, providerRows);

    const ctx: OrgContext = { orgId, anchor: opts.anchor, therapists, providers, audit: [] };
    const facts: PatientFacts[] = [];
    for (let done = 0; done < patientsPerOrg; done += CHUNK_PATIENTS) {
      const chunk = emptyChunk();
      const n = Math.min(CHUNK_PATIENTS, patientsPerOrg - done);
      for (let i = 0; i < n; i++) facts.push(generatePatient(rng, ctx, chunk));
      if (done === 0) checkChunk(chunk);
      await flush(loader, chunk);
      if ((done / CHUNK_PATIENTS) % 8 === 0)
        opts.log(`clinic ${o + 1}/${orgCount}: ${done + n}/${patientsPerOrg} patients`);
    }
    if (o === 0)
      fixture = await loadFixtureDrafts(rng, ctx, loader, facts, opts, orgCount, ownerEmail, emails);
    await loadAuditChain(rng, loader, ctx, emails);
  }
  await loader.drain();
  // The generator holds no audit key: its rows stand for history from before migration 0013 and
  // are verified as chained but unkeyed; the server signs every row it adds after them.
  await client.query(`INSERT INTO audit_keying_start (organization_id, first_keyed_seq)
    SELECT organization_id, max(seq) + 1 FROM audit_events GROUP BY organization_id
    ON CONFLICT (organization_id) DO NOTHING`);
  const tables = Object.fromEntries(loader.stats);
  if (!fixture) throw new Error('no clinic generated');
  await client.query('CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)');
  await client.query(
    `INSERT INTO bench_meta VALUES ('fixture', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify(fixture)],
  );
  // Visibility map and statistics as a long-running clinic would have them (index-only scans).
  await client.query('VACUUM (ANALYZE)');
  return { fixture, tables, seconds: (performance.now() - started) / 1000 };
}

/**
 * The drafts the write scenarios use (some half-written for autosave, others complete for
 * signing) and the targets of the read scenarios, all in the first clinic, among a handful of
 * therapists so the load tests sign in only a few times (password hashing is slow on purpose).
 */
async function loadFixtureDrafts(
  rng: Rng,
  ctx: OrgContext,
  loader: Loader,
  facts: PatientFacts[],
  opts: GenerateOptions,
  orgCount: number,
  ownerEmail: string,
  emails: Record<string, string>,
): Promise<Fixture> {
  const chosen = new Set(ctx.therapists.slice(0, 8));
  const mine = facts.filter((f) => chosen.has(f.therapistId));
  const active = mine.filter((f) => f.active);
  const chunk = emptyChunk();
  const saveDrafts = active.slice(0, 64).map((p) => ({
    noteId: draftNote(rng, ctx, chunk, p, false),
    therapistId: p.therapistId,
  }));
  const signCount = Math.round(2400 * Math.min(4, Math.max(1, opts.scale / 10)));
  const signDrafts: Fixture['signDrafts'] = [];
  for (let i = 0; i < signCount && active.length; i++) {
    const p = active[i % active.length] as PatientFacts;
    signDrafts.push({ noteId: draftNote(rng, ctx, chunk, p, true), therapistId: p.therapistId });
  }
  await flush(loader, chunk);
  const reports = mine
    .flatMap((p) =>
      p.episodes.map((e) => ({ referralId: e.referralId, therapistId: p.therapistId, visits: e.visits })),
    )
    .filter((e) => e.visits >= 25 && e.visits <= 35)
    .slice(0, 100);
  const sample = <X>(xs: X[], n: number) =>
    xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
  return {
    scale: opts.scale,
    seed: opts.seed,
    anchor: opts.anchor,
    organizations: orgCount,
    ownerEmail,
    therapists: Object.fromEntries([...chosen].map((id) => [id, emails[id] as string])),
    chart: sample(mine, 200).map((p) => ({
      patientId: p.patientId,
      therapistId: p.therapistId,
      visits: p.visits,
    })),
    searches: sample(mine, 100).map((p) => ({
      q: p.family.toLowerCase().slice(0, rng.int(3, 5)),
      therapistId: p.therapistId,
    })),
    saveDrafts,
    signDrafts,
    reports,
    auditDay: addDays(opts.anchor, -1),
  };
}

async function flush(loader: Loader, c: Chunk): Promise<void> {
  // Parents before children: the foreign keys are checked row by row.
  await loader.insert(T.patients, c.patients);
  await loader.insert(T.patient_care_team, c.patient_care_team);
  await loader.insert(T.health_history_items, c.health_history_items);
  await loader.insert(T.referrals, c.referrals);
  await loader.insert(T.assessments, c.assessments);
  await loader.insert(T.plans, c.plans);
  await loader.insert(T.plan_versions, c.plan_versions);
  await loader.insert(T.screenings, c.screenings);
  await loader.insert(T.session_notes, c.session_notes);
  await loader.insert(T.outcome_responses, c.outcome_responses);
}

/**
 * Generated records must be records the product would have accepted (its response schemas
 * refuse anything else): a sample of each JSON column is checked and a drifted schema stops the run.
 */
function checkChunk(chunk: Chunk): void {
  const check = (
    what: string,
    schema: ZodType,
    rows: unknown[][],
    column: number,
    extra = (v: object) => v,
  ) => {
    for (const row of rows.slice(0, 100)) {
      const parsed = schema.safeParse(extra(JSON.parse(row[column] as string)));
      if (!parsed.success) throw new Error(`generated ${what} is not valid: ${parsed.error.message}`);
    }
  };
  check('patient', patientSchema, chunk.patients, 7);
  check('referral', referralSchema, chunk.referrals, 6, (v) => ({ ...v, patientId: 'p' }));
  check('plan of care', planOfCareSchema, chunk.plan_versions, 4);
  check('signed note', signedNoteSchema, chunk.session_notes, 9);
  const history: Record<string, unknown[]> = {};
  for (const row of chunk.health_history_items.slice(0, 200)) {
    const kind = row[3] as string;
    history[kind] = [...(history[kind] ?? []), JSON.parse(row[4] as string)];
  }
  const parsed = healthHistorySchema.safeParse(history);
  if (!parsed.success) throw new Error(`generated health history is not valid: ${parsed.error.message}`);
}

/**
 * The clinic's audit trail in time order, numbered and hash-chained exactly as the server
 * appends it, so `fascia audit verify` accepts it (as unkeyed history, see below) and the app
 * continues the chain.
 */
async function loadAuditChain(rng: Rng, loader: Loader, ctx: OrgContext, emails: Record<string, string>) {
  ctx.audit.sort((a, b) => a.t - b.t);
  let prev = GENESIS_HASH;
  let rows: unknown[][] = [];
  let seq = 0n;
  for (const e of ctx.audit) {
    seq += 1n;
    const fields = {
      organization_id: ctx.orgId,
      seq: seq.toString(),
      occurred_at: new Date(e.t),
      actor_id: e.actor,
      actor_email: emails[e.actor] ?? null,
      action: e.action,
      outcome: 'success',
      patient_id: e.patientId,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      ip: '127.0.0.1',
      detail: {},
      prev_hash: prev,
    };
    const hash = auditRowHash(fields);
    rows.push([rng.uuid(), ...Object.values({ ...fields, detail: '{}' }), hash]);
    prev = hash;
    if (rows.length >= 5000) {
      await loader.insert(T.audit_events, rows);
      rows = [];
    }
  }
  await loader.insert(T.audit_events, rows);
  ctx.audit.length = 0;
}
