// Engine behaviour shared by every instrument, checked against the catalogue itself. The worked
// examples per instrument live beside each instrument (e.g. odi.instrument.test.ts, citing
// Fairbank & Pynsent 2000); this file checks that the stored rules are coherent.
import { describe, expect, it } from 'vitest';
import { answersAll } from './answers.fixtures.ts';
import { findInstrument, INSTRUMENTS, isInstrumentId } from './instruments.catalogue.ts';
import { bandFor, scoreResponse } from './score.ts';

const lowestAnswer = (item: (typeof INSTRUMENTS)[number]['item'][number]) =>
  item.answerOption?.[0]?.value ?? item.minValue ?? 0;

describe('instrument catalogue', () => {
  it('lists every instrument the clinical reference names', () => {
    expect(INSTRUMENTS.map((i) => i.name).sort()).toEqual(
      ['BCTQ', 'FIQR', 'HIT-6', 'LEFS', 'NDI', 'NPRS', 'ODI', 'PGIC', 'PSFS', 'QuickDASH', 'RMDQ'].sort(),
    );
  });

  it.each(INSTRUMENTS.map((i) => [i.name, i] as const))('%s is coherent', (_name, instrument) => {
    const linkIds = instrument.item.map((item) => item.linkId);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    const scaleIds = instrument.scoring.scales.map((s) => s.id);
    expect(scaleIds).toContain(instrument.scoring.primaryScale);
    for (const scale of instrument.scoring.scales) {
      if (scale.kind === 'items') for (const id of scale.items) expect(linkIds).toContain(id);
      else
        for (const id of scale.scales) expect(scaleIds.indexOf(id)).toBeLessThan(scaleIds.indexOf(scale.id));
      const froms = (scale.bands ?? []).map((b) => b.from);
      expect(froms).toEqual([...froms].sort((a, b) => a - b));
    }
    expect(instrument.source.length).toBeGreaterThan(20);
    if (instrument.licence.kind === 'licensed') expect(instrument.licence.officialWordingShipped).toBe(false);
    expect(findInstrument(instrument.id)).toBe(instrument);
    expect(isInstrumentId(instrument.id)).toBe(true);
  });

  it.each(INSTRUMENTS.map((i) => [i.name, i] as const))(
    '%s scores its lowest answers at the range edge',
    (_n, instrument) => {
      const answers = Object.fromEntries(instrument.item.map((item) => [item.linkId, lowestAnswer(item)]));
      const result = scoreResponse(instrument, answers);
      expect(result.valid).toBe(true);
      expect(result.score).toBe(result.range.min);
    },
  );

  it('knows no instrument by a made-up id', () => {
    expect(findInstrument('sf36')).toBeUndefined();
  });
});

describe('scoring engine', () => {
  const ndi = findInstrument('ndi');
  if (!ndi) throw new Error('NDI missing');

  it('refuses answers to items the instrument does not have', () => {
    const result = scoreResponse(ndi, { ...answersAll(ndi, 1), extra: 1 });
    expect(result).toMatchObject({ valid: false, score: null });
    expect(result.reason).toMatch(/"extra" is not an item of NDI/);
  });

  it('treats an empty list of marks as unanswered', () => {
    expect(scoreResponse(ndi, { ...answersAll(ndi, 1), ndi1: [] }).missingItems).toEqual(['ndi1']);
  });

  it.each([
    [-1, undefined],
    [0, 'none'],
    [4.9, 'none'],
    [5, 'mild'],
    [99, 'severe'],
  ])('bandFor(%d) → %s', (score, label) => {
    const bands = [
      { from: 0, label: 'none' },
      { from: 5, label: 'mild' },
      { from: 15, label: 'severe' },
    ];
    expect(bandFor(bands, score)).toBe(label);
  });
});
