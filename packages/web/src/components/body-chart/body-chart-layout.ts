import type { PainMark, PainQuality } from '@fascia/domain/assessment/pain-drawing';
import { markKey } from '@fascia/domain/assessment/pain-drawing';
import { BODY_REGIONS, type BodyView, type Side } from '@fascia/domain/body/regions';
import {
  FIGURE_HEIGHT,
  FIGURE_WIDTH,
  MIDLINE,
  REGION_SHAPES,
  type ShapeGeometry,
} from './body-chart.shapes.ts';

/** The marks a chart edits: the pain-drawing mark, with qualities always present. */
export type ChartMark = Pick<PainMark, 'regionId' | 'side' | 'intensity' | 'note'> & {
  qualities: PainQuality[];
};

export type PlacedShape =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; cx: number; cy: number };

export interface ChartRegion {
  key: string;
  regionId: string;
  side?: Side;
  /** "Temple, left": the accessible name a screen reader and a browser test use. */
  name: string;
  shape: PlacedShape;
}

export const DEFAULT_INTENSITY = 5;

// Anatomical convention: the front view faces the viewer, so the patient's right is on the
// viewer's left; the back view shows the patient's right on the viewer's right.
function centreX(view: BodyView, dx: number, side: Side | undefined): number {
  if (!side) return MIDLINE;
  const towardsViewerLeft = (view === 'front') === (side === 'right');
  return towardsViewerLeft ? MIDLINE - dx : MIDLINE + dx;
}

export function placeShape(view: BodyView, geometry: ShapeGeometry, side?: Side): PlacedShape {
  const cx = centreX(view, geometry.dx, side);
  if (geometry.kind === 'ellipse')
    return { kind: 'ellipse', cx, cy: geometry.cy, rx: geometry.rx, ry: geometry.ry };
  return {
    kind: 'rect',
    x: cx - geometry.w / 2,
    y: geometry.cy - geometry.h / 2,
    w: geometry.w,
    h: geometry.h,
    cx,
    cy: geometry.cy,
  };
}

export function regionName(label: string, side?: Side): string {
  return side ? `${label}, ${side}` : label;
}

/** Every tappable shape of one view: lateral regions twice (right and left), midline once. */
export function chartRegions(view: BodyView): ChartRegion[] {
  return BODY_REGIONS.filter((region) => region.view === view).flatMap((region) => {
    const geometry = REGION_SHAPES[region.id];
    if (!geometry) return [];
    const sides: (Side | undefined)[] = region.lateral ? ['right', 'left'] : [undefined];
    return sides.map((side) => ({
      key: markKey({ regionId: region.id, side }),
      regionId: region.id,
      ...(side ? { side } : {}),
      name: regionName(region.label, side),
      shape: placeShape(view, geometry, side),
    }));
  });
}

/** Where a popover anchors, as a share of the figure's width and height. */
export function anchorPercent(shape: PlacedShape): { left: number; top: number } {
  return { left: (shape.cx / FIGURE_WIDTH) * 100, top: (shape.cy / FIGURE_HEIGHT) * 100 };
}

/** Pale yellow at 0 to deep red at 10, so intensity reads at a glance without the numbers. */
export function intensityColour(intensity: number): string {
  const t = Math.min(10, Math.max(0, intensity)) / 10;
  const hue = Math.round(50 - 50 * t);
  const lightness = Math.round(82 - 40 * t);
  return `hsl(${hue} 90% ${lightness}%)`;
}

export function findMark(marks: readonly ChartMark[], key: string): ChartMark | undefined {
  return marks.find((mark) => markKey(mark) === key);
}

/** Adds or replaces the mark for its region and side, keeping the drawing's order stable. */
export function upsertMark(marks: readonly ChartMark[], mark: ChartMark): ChartMark[] {
  const key = markKey(mark);
  const index = marks.findIndex((m) => markKey(m) === key);
  if (index === -1) return [...marks, mark];
  return marks.map((m, i) => (i === index ? mark : m));
}

export function removeMark(marks: readonly ChartMark[], key: string): ChartMark[] {
  return marks.filter((m) => markKey(m) !== key);
}

/** Stored drawings may lack `qualities` while a draft; the chart always works with a list. */
export function toChartMarks(marks: readonly Partial<PainMark>[] | undefined): ChartMark[] {
  return (marks ?? []).flatMap((m) =>
    typeof m.regionId === 'string'
      ? [
          {
            regionId: m.regionId,
            ...(m.side ? { side: m.side } : {}),
            intensity: typeof m.intensity === 'number' ? m.intensity : DEFAULT_INTENSITY,
            qualities: [...(m.qualities ?? [])],
            ...(m.note ? { note: m.note } : {}),
          },
        ]
      : [],
  );
}
