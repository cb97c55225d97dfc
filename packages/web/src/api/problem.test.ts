import { describe, expect, it } from 'vitest';
import {
  ApiProblem,
  isPublicPath,
  mapProblemToForm,
  networkProblem,
  parseProblem,
  unauthorizedDestination,
} from './problem.ts';

describe('parseProblem', () => {
  it('keeps a well-formed problem document and its extensions', () => {
    const p = parseProblem(423, {
      type: 'https://fascia.dev/problems/account-locked',
      title: 'Account temporarily locked',
      status: 423,
      detail: 'Too many failed sign-ins.',
      lockedUntil: '2030-01-01T10:00:00Z',
    });
    expect(p).toMatchObject({
      type: 'https://fascia.dev/problems/account-locked',
      title: 'Account temporarily locked',
      status: 423,
      detail: 'Too many failed sign-ins.',
      lockedUntil: '2030-01-01T10:00:00Z',
    });
  });

  it('keeps only well-formed field errors', () => {
    const p = parseProblem(422, {
      title: 'Invalid input',
      status: 422,
      errors: [{ field: 'email', message: 'is not an email' }, { field: 3 }, 'nonsense'],
    });
    expect(p.errors).toEqual([{ field: 'email', message: 'is not an email' }]);
  });

  it('reads the reason of a 401', () => {
    expect(parseProblem(401, { status: 401, title: 'Not signed in', reason: 'idle_timeout' }).reason).toBe(
      'idle_timeout',
    );
  });

  it('gives a plain title when the body is not a problem document', () => {
    expect(parseProblem(429, undefined)).toEqual({
      type: 'about:blank',
      title: 'Too many requests',
      status: 429,
      detail: undefined,
    });
    expect(parseProblem(502, '<html>Bad gateway</html>', 'Bad Gateway').title).toBe('Bad Gateway');
    expect(parseProblem(500, null).detail).toMatch(/server/);
  });

  it('uses the response status when the body omits it, and drops empty members', () => {
    const p = parseProblem(404, { title: '', detail: '', errors: [] });
    expect(p).toEqual({ type: 'about:blank', title: 'Not found', status: 404 });
  });

  it('builds a message for an unreachable server', () => {
    const err = new ApiProblem(networkProblem());
    expect(err.status).toBe(0);
    expect(err.message).toMatch(/connection/);
  });
});

describe('mapProblemToForm', () => {
  const base = { type: 'https://fascia.dev/problems/validation', title: 'Invalid input', status: 422 };

  it('puts each error against its field and shows no form message', () => {
    const r = mapProblemToForm(
      {
        ...base,
        detail: 'newPassword: is too short',
        errors: [{ field: 'newPassword', message: 'must be at least 15 characters' }],
      },
      ['currentPassword', 'newPassword'],
    );
    expect(r).toEqual({ fields: { newPassword: 'Must be at least 15 characters' }, message: null });
  });

  it('joins several errors for one field', () => {
    const r = mapProblemToForm(
      {
        ...base,
        errors: [
          { field: 'password', message: 'is too short' },
          { field: 'password', message: 'is on the list of commonly used passwords' },
        ],
      },
      ['password'],
    );
    expect(r.fields.password).toBe('Is too short; is on the list of commonly used passwords');
  });

  it('accepts a body. prefix and aliases for server names', () => {
    const r = mapProblemToForm(
      {
        ...base,
        errors: [
          { field: 'body.email', message: 'is taken' },
          { field: 'displayName', message: 'is required' },
        ],
      },
      ['email', 'name'],
      { displayName: 'name' },
    );
    expect(r.fields).toEqual({ email: 'Is taken', name: 'Is required' });
  });

  it('shows errors for fields the form lacks above the form', () => {
    const r = mapProblemToForm(
      {
        ...base,
        errors: [
          { field: 'email', message: 'is taken' },
          { field: 'query.limit', message: 'too big' },
        ],
      },
      ['email'],
    );
    expect(r).toEqual({ fields: { email: 'Is taken' }, message: 'query.limit: too big' });
  });

  it('falls back to the detail, then the title, when no field is named', () => {
    expect(
      mapProblemToForm({ ...base, status: 401, detail: 'Email or password is wrong.' }, ['email']).message,
    ).toBe('Email or password is wrong.');
    expect(mapProblemToForm({ ...base, status: 429, title: 'Too many requests' }, ['email']).message).toBe(
      'Too many requests',
    );
  });
});

describe('unauthorizedDestination', () => {
  const unauth = { type: 'x', title: 'Not signed in', status: 401 };

  it('sends an idle session to the signed-out page', () => {
    expect(unauthorizedDestination({ ...unauth, reason: 'idle_timeout' }, '/admin/staff')).toBe(
      '/signed-out?reason=idle',
    );
  });

  it('sends any other 401 on a protected page to sign-in', () => {
    expect(unauthorizedDestination({ ...unauth, reason: 'expired' }, '/')).toBe('/sign-in');
    expect(unauthorizedDestination(unauth, '/account/password')).toBe('/sign-in');
    expect(unauthorizedDestination(unauth, '/enrol-2fa')).toBe('/sign-in');
  });

  it('stays put on public pages and for other statuses', () => {
    expect(unauthorizedDestination({ ...unauth, reason: 'invalid_credentials' }, '/sign-in')).toBeNull();
    expect(unauthorizedDestination({ ...unauth, reason: 'idle_timeout' }, '/signed-out')).toBeNull();
    expect(unauthorizedDestination(unauth, '/invite/abc')).toBeNull();
    expect(unauthorizedDestination({ ...unauth, status: 403 }, '/admin/audit')).toBeNull();
  });

  it('does not treat look-alike paths as public', () => {
    expect(isPublicPath('/sign-inside')).toBe(false);
    expect(isPublicPath('/invite')).toBe(false);
    expect(isPublicPath('/sign-in')).toBe(true);
  });
});
