/**
 * The real application on a port, started by the benchmark as a child process so that the load
 * generator and the server do not share an event loop. Answers the parent over IPC with the
 * statements a request ran (to count them and to give the bare stack the same SQL).
 */
import { buildApp } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { createAppDb } from '../../packages/server/src/db/connection.ts';
import { instrumentPg } from './statements.ts';

const pgCalls = instrumentPg();
const env = process.env;
const config = loadConfig({
  FASCIA_LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'silent',
  FASCIA_DEMO: 'false',
  FASCIA_SIGN_IN_RATE_PER_MINUTE: '10000',
  FASCIA_DB_POOL_SIZE: env.BENCH_POOL_SIZE ?? '10',
  FASCIA_PORT: env.BENCH_PORT ?? '0',
});
const db = createAppDb(env.BENCH_APP_URL ?? '', config.dbPoolSize);
const app = await buildApp(config, db);
await app.listen({ host: '127.0.0.1', port: config.port });

process.on('message', (m: { type: string }) => {
  if (m.type === 'record') {
    pgCalls.record(true);
    process.send?.({ type: 'recording' });
  } else if (m.type === 'stop') {
    process.send?.({ type: 'recorded', statements: pgCalls.record(false) });
  } else if (m.type === 'routes') {
    process.send?.({ type: 'routes', urls: app.routeTable.map((r) => r.url) });
  } else if (m.type === 'exit') {
    void app
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', port: (app.server.address() as { port: number }).port });
