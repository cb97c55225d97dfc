import { BODY_REGIONS } from '@fascia/domain/body/regions';
import { describe, expect, it } from 'vitest';
import { FIGURE_HEIGHT, FIGURE_WIDTH, MIDLINE } from './body-chart.shapes.ts';
import {
  anchorPercent,
  chartRegions,
  intensityColour,
  removeMark,
  toChartMarks,
  upsertMark,
} from './body-chart-layout.ts';

const all = [...chartRegions('front'), ...chartRegions('back')];

describe('body chart layout', () => {
  it('draws every region of the model, lateral ones on both sides', () => {
    for (const region of BODY_REGIONS) {
      const drawn = all.filter((r) => r.regionId === region.id);
      expect(drawn.map((r) => r.side ?? 'midline').sort(), region.id).toEqual(
        region.lateral ? ['left', 'right'] : ['midline'],
      );
    }
  });

  it('gives every shape a unique accessible name with the side', () => {
    const names = all.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Temple, left');
    expect(names).toContain('Base of the skull (occiput)');
  });

  it('mirrors lateral regions about the midline, patient right on the viewer left in front', () => {
    const front = chartRegions('front').filter((r) => r.regionId === 'temple');
    const right = front.find((r) => r.side === 'right')!;
    const left = front.find((r) => r.side === 'left')!;
    expect(right.shape.cx).toBeLessThan(MIDLINE);
    expect(right.shape.cx + left.shape.cx).toBe(2 * MIDLINE);
    const back = chartRegions('back').find((r) => r.regionId === 'calf' && r.side === 'right')!;
    expect(back.shape.cx).toBeGreaterThan(MIDLINE);
  });

  it('keeps every shape inside the figure', () => {
    for (const r of all) {
      const { left, top } = anchorPercent(r.shape);
      expect(left, r.name).toBeGreaterThan(0);
      expect(left, r.name).toBeLessThan(100);
      expect(top, r.name).toBeGreaterThan(0);
      expect(top, r.name).toBeLessThan(100);
      if (r.shape.kind === 'rect') {
        expect(r.shape.x + r.shape.w).toBeLessThanOrEqual(FIGURE_WIDTH);
        expect(r.shape.y + r.shape.h).toBeLessThanOrEqual(FIGURE_HEIGHT);
      }
    }
  });

  it('shades stronger pain darker', () => {
    const lightness = (c: string) => Number(/(\d+)%\)$/.exec(c)?.[1]);
    expect(lightness(intensityColour(9))).toBeLessThan(lightness(intensityColour(2)));
  });

  it('adds, replaces and removes marks by region and side', () => {
    let marks = upsertMark([], { regionId: 'temple', side: 'left', intensity: 5, qualities: [] });
    marks = upsertMark(marks, { regionId: 'temple', side: 'right', intensity: 4, qualities: [] });
    marks = upsertMark(marks, { regionId: 'temple', side: 'left', intensity: 7, qualities: ['aching'] });
    expect(marks.map((m) => [m.side, m.intensity])).toEqual([
      ['left', 7],
      ['right', 4],
    ]);
    expect(removeMark(marks, 'temple:left').map((m) => m.side)).toEqual(['right']);
  });

  it('reads a partial stored drawing', () => {
    expect(toChartMarks([{ regionId: 'occiput', intensity: 6 }])).toEqual([
      { regionId: 'occiput', intensity: 6, qualities: [] },
    ]);
    expect(toChartMarks(undefined)).toEqual([]);
  });
});
