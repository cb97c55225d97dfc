import { describe, expect, it } from 'vitest';
import { DEFAULT_LATE_ENTRY_HOURS, lateEntry } from './late-entry.ts';

// Source: CMS Medicare Program Integrity Manual (Pub. 100-08), chapter 3, §3.3.2.5 (amendments,
// corrections and delayed entries must be clearly identified); the 24-hour default is the
// clinic setting of issue 5, configurable per clinic.

const ended = '2026-11-23T09:45:00Z';

describe('late entry', () => {
  it.each<[string, string, number | undefined, boolean]>([
    ['signed right after the visit', '2026-11-23T10:00:00Z', undefined, false],
    ['signed exactly 24 hours later', '2026-11-24T09:45:00Z', undefined, false],
    ['signed one minute past 24 hours', '2026-11-24T09:46:00Z', undefined, true],
    ['signed the next week', '2026-11-30T08:00:00Z', undefined, true],
    ['a clinic with a 48-hour limit, signed after 30 hours', '2026-11-24T15:45:00Z', 48, false],
    ['a clinic with a 12-hour limit, signed after 13 hours', '2026-11-23T22:45:00Z', 12, true],
    ['offsets are honoured (10:45+01:00 is 09:45Z)', '2026-11-24T10:46:00+01:00', undefined, true],
  ])('%s → late: %s', (_label, signedAt, threshold, late) => {
    expect(lateEntry(ended, signedAt, threshold).late).toBe(late);
  });

  it('reports the hours elapsed and the threshold used', () => {
    expect(lateEntry(new Date(ended), new Date('2026-11-25T09:45:00Z'))).toEqual({
      late: true,
      hoursAfterVisit: 48,
      thresholdHours: DEFAULT_LATE_ENTRY_HOURS,
    });
  });

  it.each<[string, string, number]>([
    ['not-a-date', '2026-11-24T10:00:00Z', 24],
    [ended, 'yesterday', 24],
    [ended, '2026-11-24T10:00:00Z', 0],
  ])('refuses %s / %s / %i h', (visitEnd, signedAt, hours) => {
    expect(() => lateEntry(visitEnd, signedAt, hours)).toThrow(RangeError);
  });
});
