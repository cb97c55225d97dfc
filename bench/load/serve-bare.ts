/**
 * The bare stack: Fastify and a pg pool of the same size and role, replaying the statements
 * Fascia ran for the same request (minus the session look-up and the audit trail) in one
 * transaction with the same tenant setting. No auth, validation, domain logic, audit or
 * rendering: what is left is the floor the product's overhead is measured against.
 */
import Fastify from 'fastify';
import pg from 'pg';
import type { Statement } from './statements.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

const pool = new pg.Pool({
  connectionString: process.env.BENCH_APP_URL,
  max: Number(process.env.BENCH_POOL_SIZE ?? '10'),
  application_name: 'fascia-bare',
});
pool.on('error', () => {});
/** scripts[scenario step][target] = the statements of that request, BEGIN … COMMIT. */
let scripts: Record<string, Statement[][]> = {};

const VERSION_PARAM = /"version" = \$(\d+)/;

async function replay(script: Statement[], sub?: { from: string; id: string; version?: number }) {
  const client = await pool.connect();
  let version: unknown;
  let last: unknown[] = [];
  try {
    for (const s of script) {
      let values = s.values.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v));
      if (sub) {
        values = values.map((v) => (v === sub.from ? sub.id : v));
        const m = sub.version === undefined ? null : VERSION_PARAM.exec(s.text);
        if (m) values[Number(m[1]) - 1] = sub.version;
      }
      const res = await client.query(s.text, values);
      if (res.rows?.length) {
        last = res.rows;
        for (const row of res.rows) if (row && 'version' in row) version = row.version;
      }
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return { version, rows: last };
}

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.get<{ Params: { step: string; target: string } }>('/bare/:step/:target', async (req) => {
  const script = scripts[req.params.step]?.[Number(req.params.target)];
  if (!script) throw new Error(`no script for ${req.params.step}/${req.params.target}`);
  return replay(script);
});
app.post<{
  Params: { step: string };
  Body: { target: number; from?: string; id?: string; version?: number };
}>('/bare/:step', async (req) => {
  const { target, from, id, version } = req.body;
  const script = scripts[req.params.step]?.[target];
  if (!script) throw new Error(`no script for ${req.params.step}/${target}`);
  return replay(script, from && id ? { from, id, ...(version === undefined ? {} : { version }) } : undefined);
});

process.on('message', (m: { type: string; scripts?: Record<string, Statement[][]> }) => {
  if (m.type === 'scripts' && m.scripts) {
    scripts = m.scripts;
    process.send?.({ type: 'loaded' });
  } else if (m.type === 'exit') {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  }
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? '0') });
process.send?.({ type: 'ready', port: (app.server.address() as { port: number }).port });
