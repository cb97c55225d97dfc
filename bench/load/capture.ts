import type { Child } from './children.ts';
import type { Pick, Scenario, Session } from './scenarios.ts';
import { bareScript, type Statement } from './statements.ts';

export interface QueryCount {
  scenario: string;
  step: string;
  /** Statements per request, all of them (BEGIN/COMMIT, session look-up, audit trail included). */
  min: number;
  max: number;
  mean: number;
  /** Of those, what the bare stack replays: the request's own data statements. */
  dataMean: number;
  budget: number;
  targets: number;
}

/** Every generated staff member's password (bench/run.ts hashes it into the data). */
export const BENCH_PASSWORD = 'bench load test pass phrase';

export async function signIn(port: number, email: string, password: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fascia_session='));
  if (res.status !== 200 || !cookie || !body.csrfToken)
    throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(body)}`);
  return { cookie: cookie.split(';')[0] as string, csrf: body.csrfToken };
}

/**
 * Sends each probe's requests one at a time with the server recording its statements: the
 * count per request is exact (nothing else runs), and the statements become the bare stack's
 * script for the same target. A count that changes with the target (a patient with 5 visits
 * against one with 80) is the signature of a query per row.
 */
export async function recordScenario(
  fascia: Child,
  scn: Scenario,
  scripts: Record<string, Statement[][]>,
): Promise<QueryCount[]> {
  const counts = new Map<string, { n: number[]; data: number[] }>();
  for (const probe of scn.probes) {
    for (const step of scn.steps) {
      await fascia.ask({ type: 'record' }, 'recording');
      await send(fascia.port, step.fascia(probe), probe, scn.name);
      const { statements } = await fascia.ask<{ statements: Statement[] }>({ type: 'stop' }, 'recorded');
      step.onResponse?.(probe, 200);
      const data = bareScript(statements);
      const list = scripts[step.key] ?? [];
      list[probe.target] = data;
      scripts[step.key] = list;
      const c = counts.get(step.key) ?? { n: [], data: [] };
      c.n.push(statements.length);
      c.data.push(data.length);
      counts.set(step.key, c);
    }
  }
  return [...counts].map(([step, c]) => ({
    scenario: scn.name,
    step,
    min: Math.min(...c.n),
    max: Math.max(...c.n),
    mean: mean(c.n),
    dataMean: mean(c.data),
    budget: scn.budget,
    targets: c.n.length,
  }));
}

async function send(
  port: number,
  r: { method: string; path: string; body?: unknown },
  p: Pick,
  name: string,
): Promise<string> {
  const headers: Record<string, string> = { cookie: p.session.cookie };
  if (r.method !== 'GET') {
    headers['x-csrf-token'] = p.session.csrf;
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`http://127.0.0.1:${port}${r.path}`, {
    method: r.method,
    headers,
    ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
  });
  const text = await res.text();
  if (res.status >= 300)
    throw new Error(`${name}: ${r.method} ${r.path} answered ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10) / 10;
