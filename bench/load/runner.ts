import autocannon from 'autocannon';
import type { Pick, Scenario, Step } from './scenarios.ts';

export type Stack = 'fascia' | 'bare';

export interface Measurement {
  scenario: string;
  stack: Stack;
  connections: number;
  requests: number;
  seconds: number;
  /** Requests per second over the whole measurement. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Ctx {
  pick?: Pick;
}

/** How one step is sent to a stack: the real route, or the bare route replaying its statements. */
function requestFor(step: Step, stack: Stack, p: Pick) {
  const r = step.fascia(p);
  if (stack === 'fascia') return r;
  if (step.bareBody) return { method: 'POST' as const, path: `/bare/${step.key}`, body: step.bareBody(p) };
  return { method: 'GET' as const, path: `/bare/${step.key}/${p.target}` };
}

/**
 * One measurement: autocannon over loopback for a fixed duration, stopped early at the
 * scenario's request bound. Latencies are collected per response so p95 is exact (autocannon's
 * summary has p97.5 but no p95).
 */
export async function measure(
  scn: Scenario,
  stack: Stack,
  port: number,
  connections: number,
  duration: number,
): Promise<Measurement> {
  const latencies: number[] = [];
  let non2xx = 0;
  const maxRequests = Math.max(connections, scn.maxRequests);
  const requests = scn.steps.map((step, i) => ({
    setupRequest: (req: autocannon.Request, context: Ctx) => {
      if (i === 0 || !context.pick) {
        const picked = scn.pick();
        if (!picked) throw new Error(`${scn.name}: no targets left (prepared drafts used up)`);
        context.pick = picked;
      }
      const p = context.pick;
      const r = requestFor(step, stack, p);
      const headers: Record<string, string> = { cookie: p.session.cookie };
      if (r.method !== 'GET') {
        headers['x-csrf-token'] = p.session.csrf;
        headers['content-type'] = 'application/json';
      }
      return {
        ...req,
        method: r.method,
        path: r.path,
        headers,
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
      } as autocannon.Request;
    },
    onResponse: (status: number, body: string, context: Ctx) => {
      const p = context.pick;
      if (status >= 300) {
        non2xx += 1;
        if (non2xx <= 3) console.error(`  ${scn.name} ${stack} ${status}: ${body.slice(0, 300)}`);
      }
      if (p) {
        step.onResponse?.(p, status);
        if (i === scn.steps.length - 1) scn.release?.(p);
      }
    },
  }));
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration,
        maxOverallRequests: maxRequests,
        timeout: 30,
        requests: requests as unknown as autocannon.Request[],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - started) / 1000;
  await scn.settle?.();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    scenario: scn.name,
    stack,
    connections,
    requests: latencies.length,
    seconds: round(seconds),
    rps: round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    non2xx,
    errors: result.errors + result.timeouts,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
