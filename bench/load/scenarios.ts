import type { Fixture } from '../generate/generate.ts';
import { addDays } from '../generate/prng.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface HttpRequest {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  body?: unknown;
}

/** One iteration's choice: which target, as whom, and (for writes) which note. */
export interface Pick {
  target: number;
  session: Session;
  noteId?: string;
  version?: number;
}

export interface Step {
  /** Names the recorded statements the bare stack replays for this request. */
  key: string;
  fascia(p: Pick): HttpRequest;
  /** Writes carry the probe's note id and the note to substitute for it. */
  bareBody?(p: Pick): Record<string, unknown>;
  onResponse?(p: Pick, status: number): void;
}

export interface Scenario {
  name: string;
  measures: string;
  steps: Step[];
  /** Targets whose requests are recorded once beforehand (read scenarios: all of them). */
  probes: Pick[];
  pick(): Pick | undefined;
  release?(p: Pick): void;
  /**
   * After a measurement: requests cut off when the time ran out may still have been saved by
   * the server, so the drafts' versions are read back and every draft returns to the pool.
   */
  settle?(): Promise<void>;
  /** Most statements one request may run, BEGIN/COMMIT, session look-up and audit included. */
  budget: number;
  /** Requests in one measurement, whatever the duration (writes consume prepared drafts). */
  maxRequests: number;
}

export interface ScenarioInputs {
  fixture: Fixture;
  sessions: Map<string, Session>;
  owner: Session;
  listCursors: string[];
  draftContent: Map<string, unknown>;
  draftVersion: Map<string, number>;
  readVersions(noteIds: string[]): Promise<Map<string, number>>;
  signable: Fixture['signDrafts'];
  targets: number;
  runsPerScenario: number;
  /** Whether the server has the FHIR API (`/fhir/R4`). */
  fhir: boolean;
}

function roundRobin<T>(items: T[], make: (item: T, i: number) => Pick): { probes: Pick[]; pick(): Pick } {
  const probes = items.map(make);
  let next = 0;
  return {
    probes,
    pick: () => probes[next++ % probes.length] as Pick,
  };
}

export function buildScenarios(inp: ScenarioInputs): Scenario[] {
  const { fixture: fx, sessions } = inp;
  const as = (therapistId: string) => {
    const s = sessions.get(therapistId);
    if (!s) throw new Error(`no session for therapist ${therapistId}`);
    return s;
  };
  const chart = fx.chart.slice(0, inp.targets);
  const charts = roundRobin(chart, (c, target) => ({ target, session: as(c.therapistId) }));
  const patientOf = (p: Pick) => chart[p.target]?.patientId ?? '';
  const tab = (key: string, suffix: string): Step => ({
    key,
    fascia: (p) => ({ method: 'GET', path: `/api/patients/${patientOf(p)}${suffix}` }),
  });
  const scenarios: Scenario[] = [
    {
      name: 'chart-open',
      measures:
        'Opening a patient chart: the header with demographics, care team and alerts (GET /api/patients/:id).',
      steps: [tab('chart-header', '')],
      ...charts,
      budget: 14,
      maxRequests: 50_000,
    },
    {
      name: 'chart-tabs',
      measures:
        'The chart and its clinical tabs one after another: header, history, referrals, plans, visits, outcomes (latency per request).',
      steps: [
        tab('chart-header', ''),
        tab('chart-history', '/history'),
        tab('chart-referrals', '/referrals'),
        tab('chart-plans', '/plans'),
        tab('chart-notes', '/notes'),
        tab('chart-outcomes', '/outcomes'),
      ],
      ...roundRobin(chart, (c, target) => ({ target, session: as(c.therapistId) })),
      budget: 16,
      maxRequests: 50_000,
    },
  ];

  const searches = fx.searches.slice(0, inp.targets);
  scenarios.push({
    name: 'patient-search',
    measures: 'Typo-tolerant search by a 3–5 letter name fragment (GET /api/patients?q=…, 25 per page).',
    steps: [
      {
        key: 'search',
        fascia: (p) => ({
          method: 'GET',
          path: `/api/patients?q=${encodeURIComponent(searches[p.target]?.q ?? '')}&limit=25`,
        }),
      },
    ],
    ...roundRobin(searches, (s, target) => ({ target, session: as(s.therapistId) })),
    budget: 12,
    maxRequests: 50_000,
  });

  const anyTherapist = as(Object.keys(fx.therapists)[0] ?? '');
  const cursors = ['', ...inp.listCursors];
  scenarios.push({
    name: 'patient-list',
    measures: 'The alphabetical patient list, first page and keyset pages further in (25 per page).',
    steps: [
      {
        key: 'list',
        fascia: (p) => {
          const c = cursors[p.target] ?? '';
          return { method: 'GET', path: `/api/patients?limit=25${c ? `&cursor=${c}` : ''}` };
        },
      },
    ],
    ...roundRobin(cursors, (_, target) => ({ target, session: anyTherapist })),
    budget: 12,
    maxRequests: 50_000,
  });

  // Autosave: each connection holds a draft of its own while its request is in flight.
  const versions = new Map(fx.saveDrafts.map((d) => [d.noteId, inp.draftVersion.get(d.noteId) ?? 1]));
  const free = [...fx.saveDrafts];
  const savePick = (d: (typeof free)[number], target: number): Pick => ({
    target,
    session: as(d.therapistId),
    noteId: d.noteId,
    version: versions.get(d.noteId) ?? 1,
  });
  let saves = 0;
  const saveProbes = free.splice(0, 2).map(savePick);
  scenarios.push({
    name: 'note-save',
    measures: 'Autosave of a half-written visit note (PUT /api/notes/:id with the version it was loaded at).',
    steps: [
      {
        key: 'note-save',
        fascia: (p) => ({
          method: 'PUT',
          path: `/api/notes/${p.noteId}`,
          body: {
            version: versions.get(p.noteId ?? '') ?? 1,
            content: withReport(inp.draftContent.get(p.noteId ?? ''), `Autosave ${++saves}`),
          },
        }),
        bareBody: (p) => ({
          target: p.target % saveProbes.length,
          from: saveProbes[p.target % saveProbes.length]?.noteId,
          id: p.noteId,
          version: versions.get(p.noteId ?? '') ?? 1,
        }),
        // Every accepted save moves the version on by one. Reading it from the body would need
        // the whole body intact, and autocannon joins body chunks as strings.
        onResponse: (p, status) => {
          if (status < 300 && p.noteId) versions.set(p.noteId, (versions.get(p.noteId) ?? 1) + 1);
        },
      },
    ],
    probes: saveProbes,
    pick: () => {
      const d = free.shift();
      return d ? savePick(d, saves) : undefined;
    },
    release: (p) => {
      const d = fx.saveDrafts.find((x) => x.noteId === p.noteId);
      if (d) free.push(d);
    },
    settle: async () => {
      await new Promise((r) => setTimeout(r, 300));
      for (const [id, v] of await inp.readVersions(fx.saveDrafts.map((d) => d.noteId))) versions.set(id, v);
      const probeIds = new Set(saveProbes.map((p) => p.noteId));
      free.splice(0, free.length, ...fx.saveDrafts.filter((d) => !probeIds.has(d.noteId)));
    },
    budget: 24,
    maxRequests: 50_000,
  });

  const signable = [...inp.signable];
  const signProbes = signable
    .splice(0, 2)
    .map((d, target) => ({ target, session: as(d.therapistId), noteId: d.noteId }));
  scenarios.push({
    name: 'note-sign',
    measures:
      'Signing a complete visit note: sign-readiness, safety gate, referral status, hash and lock (POST /api/notes/:id/sign).',
    steps: [
      {
        key: 'note-sign',
        fascia: (p) => ({ method: 'POST', path: `/api/notes/${p.noteId}/sign`, body: { version: 1 } }),
        bareBody: (p) => ({
          target: p.target % signProbes.length,
          from: signProbes[p.target % signProbes.length]?.noteId,
          id: p.noteId,
          version: 1,
        }),
      },
    ],
    probes: signProbes,
    pick: () => {
      const d = signable.shift();
      return d ? { target: signable.length, session: as(d.therapistId), noteId: d.noteId } : undefined;
    },
    budget: 26,
    maxRequests: Math.max(10, Math.floor((inp.signable.length - 2) / inp.runsPerScenario)),
  });

  const reports = fx.reports.slice(0, Math.min(20, inp.targets));
  scenarios.push({
    name: 'progress-report',
    measures:
      'A progress report PDF over a referral of 25–35 signed visits, rendered and stored (POST /api/referrals/:id/reports).',
    steps: [
      {
        key: 'report',
        fascia: (p) => ({
          method: 'POST',
          path: `/api/referrals/${reports[p.target]?.referralId}/reports`,
          body: {
            kind: 'progress_report',
            assessment: 'Pain and function improving; tolerance for sitting has doubled.',
            recommendation: 'continue',
          },
        }),
        bareBody: (p) => ({ target: p.target }),
      },
    ],
    ...roundRobin(reports, (r, target) => ({ target, session: as(r.therapistId) })),
    budget: 20,
    maxRequests: 400,
  });

  const days = [1, 7, 30, 90].map((d) => addDays(fx.anchor, -d));
  scenarios.push({
    name: 'audit-day',
    measures:
      'The audit trail for one day, newest first (GET /api/audit?from=…&to=…, 50 per page), as the owner.',
    steps: [
      {
        key: 'audit',
        fascia: (p) => {
          const day = days[p.target] ?? fx.auditDay;
          return { method: 'GET', path: `/api/audit?from=${day}&to=${addDays(day, 1)}&limit=50` };
        },
      },
    ],
    ...roundRobin(days, (_, target) => ({ target, session: inp.owner })),
    budget: 12,
    maxRequests: 50_000,
  });
  if (inp.fhir) {
    const exported = chart.slice(0, Math.min(20, inp.targets));
    scenarios.push({
      name: 'fhir-everything',
      measures: "A patient's whole record as a FHIR Bundle (GET /fhir/R4/Patient/:id/$everything).",
      steps: [
        {
          key: 'fhir-everything',
          fascia: (p) => ({
            method: 'GET',
            path: `/fhir/R4/Patient/${exported[p.target]?.patientId}/$everything`,
          }),
        },
      ],
      ...roundRobin(exported, (c, target) => ({ target, session: as(c.therapistId) })),
      budget: 40,
      maxRequests: 50_000,
    });
  }
  return scenarios;
}

function withReport(content: unknown, report: string): unknown {
  const c = (content ?? {}) as { subjective?: Record<string, unknown> };
  return { ...c, subjective: { ...(c.subjective ?? {}), report } };
}
