// The response schema checks answers against the instrument's published items (sources cited in
// each *.instrument.ts); here: QuickDASH (IWH manual) and PSFS (Stratford 1995) as examples.
import { describe, expect, it } from 'vitest';
import { outcomeResponseSchema, scoreOutcomeResponse } from './response.schema.ts';

const quickdash = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`qd${i + 1}`, 3]));

describe('outcome response schema', () => {
  it.each([
    [
      'a complete QuickDASH',
      { instrumentId: 'quickdash', administeredOn: '2025-04-01', answers: quickdash },
      true,
    ],
    ['an unknown instrument', { instrumentId: 'sf36', administeredOn: '2025-04-01', answers: {} }, false],
    [
      'an answer to an item that does not exist',
      { instrumentId: 'quickdash', administeredOn: '2025-04-01', answers: { qd12: 3 } },
      false,
    ],
    [
      'an answer outside the options',
      { instrumentId: 'quickdash', administeredOn: '2025-04-01', answers: { qd1: 7 } },
      false,
    ],
    [
      'a date that is not a date',
      { instrumentId: 'quickdash', administeredOn: '2025-13-01', answers: quickdash },
      false,
    ],
    [
      'a PSFS with named activities',
      {
        instrumentId: 'psfs',
        administeredOn: '2025-04-01',
        answers: { activity1: 4 },
        itemLabels: { activity1: 'Lifting my child' },
      },
      true,
    ],
    [
      'a label on a fixed item',
      {
        instrumentId: 'quickdash',
        administeredOn: '2025-04-01',
        answers: quickdash,
        itemLabels: { qd1: 'x' },
      },
      false,
    ],
    // An incomplete form is still a valid record: it is kept and reported as not scorable.
    [
      'an incomplete form',
      { instrumentId: 'quickdash', administeredOn: '2025-04-01', answers: { qd1: 3 } },
      true,
    ],
  ])('%s → %s', (_label, input, ok) => {
    expect(outcomeResponseSchema.safeParse(input).success).toBe(ok);
  });

  it('scores a parsed response', () => {
    const parsed = outcomeResponseSchema.parse({
      instrumentId: 'quickdash',
      administeredOn: '2025-04-01',
      answers: quickdash,
    });
    expect(parsed.completedBy).toBe('patient');
    expect(scoreOutcomeResponse(parsed).score).toBe(50);
  });

  it('throws for an unknown instrument when scoring directly', () => {
    expect(() => scoreOutcomeResponse({ instrumentId: 'nope', answers: {} })).toThrow();
  });
});
