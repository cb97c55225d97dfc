import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { auditQuery, EMPTY_FILTERS, emergencyGrantOf, PAGE_SIZE, rangeProblem } from './audit-query.ts';

describe('auditQuery', () => {
  it('asks for one page and nothing else when no filter is set', () => {
    expect(auditQuery(EMPTY_FILTERS, null)).toEqual({ limit: PAGE_SIZE });
  });

  it('passes the filters that are set, trimmed, and the cursor', () => {
    expect(
      auditQuery(
        { ...EMPTY_FILTERS, action: ' auth.sign_in ', outcome: 'failure', patientId: ' p-1 ' },
        'c2',
      ),
    ).toEqual({
      limit: PAGE_SIZE,
      action: 'auth.sign_in',
      outcome: 'failure',
      patientId: 'p-1',
      cursor: 'c2',
    });
  });

  it('covers whole local days from the first to the last', () => {
    const q = auditQuery({ ...EMPTY_FILTERS, from: '2030-05-01', to: '2030-05-03' }, null);
    expect(dayjs(q.from as string).format('YYYY-MM-DD HH:mm:ss')).toBe('2030-05-01 00:00:00');
    expect(dayjs(q.to as string).format('YYYY-MM-DD HH:mm:ss.SSS')).toBe('2030-05-03 23:59:59.999');
  });

  it('ignores a date the input could not parse', () => {
    expect(auditQuery({ ...EMPTY_FILTERS, from: 'not a date' }, null)).toEqual({ limit: PAGE_SIZE });
  });
});

describe('rangeProblem', () => {
  it('flags a reversed range only', () => {
    expect(rangeProblem({ ...EMPTY_FILTERS, from: '2030-05-03', to: '2030-05-01' })).toMatch(/after/);
    expect(rangeProblem({ ...EMPTY_FILTERS, from: '2030-05-01', to: '2030-05-01' })).toBeNull();
    expect(rangeProblem({ ...EMPTY_FILTERS, from: '2030-05-01' })).toBeNull();
  });
});

describe('emergency access in the audit view', () => {
  it('asks only for entries under emergency access when the filter is on', () => {
    expect(auditQuery({ ...EMPTY_FILTERS, emergencyAccess: true }, null)).toEqual({
      limit: PAGE_SIZE,
      emergencyAccess: 'true',
    });
  });

  it('finds the grant an entry was recorded under', () => {
    expect(emergencyGrantOf({ breakGlass: 'g-1', reason: 'x' })).toBe('g-1');
    expect(emergencyGrantOf({ version: 2 })).toBeUndefined();
    expect(emergencyGrantOf(null)).toBeUndefined();
  });
});
