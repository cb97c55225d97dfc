import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.ts';

// RFC 9457 (Problem Details for HTTP APIs): type, title, status, detail, instance.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
  ctx.app.get('/api/test/boom', { config: { auth: 'public' } }, async () => {
    throw new Error('connection string postgres://secret@db internals');
  });
});

describe('errors are problem+json', () => {
  it('unknown API routes are 404 problems', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: expect.any(String),
      title: 'Not found',
      status: 404,
      instance: '/api/no-such-thing',
    });
  });

  it('malformed JSON is a 400 problem', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().status).toBe(400);
  });

  it('a form post from another site is refused (JSON only)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(res.statusCode).toBe(415);
  });

  it('a 500 never shows internals', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('postgres://');
    expect(res.json()).toMatchObject({
      title: 'Internal error',
      detail: expect.stringMatching(/request id/),
    });
  });
});

describe('API description and health', () => {
  it('serves OpenAPI 3.1 generated from the route schemas, and a reference page', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/staff/{id}', '/api/audit']),
    );
    expect(
      spec.paths['/api/auth/sign-in'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('email');
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers liveness and readiness', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
