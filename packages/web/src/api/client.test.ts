import { describe, expect, it } from 'vitest';
import { withQuery } from './client.ts';

describe('withQuery', () => {
  it('leaves out empty filters so the server applies no condition for them', () => {
    expect(
      withQuery('/audit', { action: '', outcome: 'denied', cursor: null, limit: 50, patientId: undefined }),
    ).toBe('/audit?outcome=denied&limit=50');
  });

  it('encodes values', () => {
    expect(withQuery('/audit', { action: 'auth.sign_in', from: '2030-01-01T00:00:00.000Z' })).toBe(
      '/audit?action=auth.sign_in&from=2030-01-01T00%3A00%3A00.000Z',
    );
  });

  it('returns the bare path without filters', () => {
    expect(withQuery('/outbox', {})).toBe('/outbox');
  });
});
