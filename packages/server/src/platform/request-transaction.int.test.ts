import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestClinic, signIn, startTestApp, type TestContext } from '../../test/harness.ts';

/**
 * A GET request's authentication opens its transaction with the session look-up
 * (request-transaction.ts). Whatever the request then does (answers, fails validation, fails in
 * the handler, is refused), the connection must go back to the pool — the test app's pool holds
 * 4 — and what the look-up wrote must be kept.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('the transaction a GET opens with its session look-up', () => {
  it('returns its connection to the pool whatever the request ends with', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    const frontDesk = await signIn(ctx.app, c.emailOf('front_desk'));
    const endings = await Promise.all(
      Array.from({ length: 6 }, () => [
        call(ctx.app, owner, 'GET', '/api/audit?limit=5000'), // refused by validation
        call(ctx.app, owner, 'GET', `/api/patients/${randomUUID()}`), // refused in the handler
        call(ctx.app, frontDesk, 'GET', '/api/audit'), // refused by the permission matrix
        call(ctx.app, owner, 'GET', '/api/patients?limit=5'), // answered
      ]).flat(),
    );
    expect(new Set(endings.map((r) => r.statusCode))).toEqual(new Set([422, 404, 403, 200]));
    // More requests than the pool holds went through; one more still gets a connection.
    const after = await call(ctx.app, owner, 'GET', '/api/patients?limit=5');
    expect(after.statusCode).toBe(200);
    const denied = await ctx.ownerDb
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', c.organizationId)
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    expect(Number(denied.n)).toBe(6);
  });

  it('keeps the session activity it recorded when the request itself fails', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    await sql`UPDATE sessions SET last_seen_at = now() - interval '10 minutes'
              WHERE user_id = ${c.idOf('owner')}`.execute(ctx.ownerDb);
    const res = await call(ctx.app, owner, 'GET', '/api/audit?limit=5000');
    expect(res.statusCode).toBe(422);
    // Committed when the response closes, just after the client has it.
    const recent = () =>
      ctx.ownerDb
        .selectFrom('sessions')
        .select(sql<boolean>`last_seen_at > now() - interval '1 minute'`.as('recent'))
        .where('user_id', '=', c.idOf('owner'))
        .executeTakeFirstOrThrow()
        .then((s) => s.recent);
    await expect.poll(recent, { timeout: 2000 }).toBe(true);
  });

  it('closes it over real HTTP too, where the response and the socket end separately', async () => {
    const c = await createTestClinic(ctx);
    const owner = await signIn(ctx.app, c.emailOf('owner'));
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = ctx.app.server.address() as { port: number };
    const get = (path: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie: owner.cookie } }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    const refused = await Promise.all(Array.from({ length: 12 }, () => get('/api/audit?limit=5000')));
    expect(new Set(refused)).toEqual(new Set([422]));
    expect(await get('/api/patients?limit=5')).toBe(200);
  });
});
