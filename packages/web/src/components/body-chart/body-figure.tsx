import { describeMark } from '@fascia/domain/assessment/pain-drawing';
import type { BodyView } from '@fascia/domain/body/regions';
import type { KeyboardEvent } from 'react';
import { FIGURE_HEIGHT, FIGURE_WIDTH, SILHOUETTE } from './body-chart.shapes.ts';
import {
  type ChartMark,
  type ChartRegion,
  chartRegions,
  findMark,
  intensityColour,
  type PlacedShape,
  placeShape,
} from './body-chart-layout.ts';

const VIEW_TITLE: Record<BodyView, string> = { front: 'Front', back: 'Back' };

function Shape({
  shape,
  ...props
}: { shape: PlacedShape } & React.SVGProps<SVGEllipseElement & SVGRectElement>) {
  if (shape.kind === 'ellipse')
    return <ellipse cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} {...props} />;
  return <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} rx={3} {...props} />;
}

function silhouette(view: BodyView) {
  return SILHOUETTE.flatMap((g) =>
    g.dx === 0
      ? [<Shape key={`${g.dx}-${g.cy}`} shape={placeShape(view, g)} fill="var(--mantine-color-gray-1)" />]
      : (['right', 'left'] as const).map((side) => (
          <Shape
            key={`${g.dx}-${g.cy}-${side}`}
            shape={placeShape(view, g, side)}
            fill="var(--mantine-color-gray-1)"
          />
        )),
  );
}

/**
 * One view of the body with its regions shaded by the marks. With `onSelect` each region is a
 * button (tap or Enter/Space); without it the figure is a picture for reports and comparisons.
 */
export function BodyFigure({
  view,
  marks,
  selectedKey,
  onSelect,
  caption,
}: {
  view: BodyView;
  marks: readonly ChartMark[];
  selectedKey?: string | null;
  onSelect?: (region: ChartRegion) => void;
  caption?: string;
}) {
  const regions = chartRegions(view);
  const interactive = Boolean(onSelect);
  const painted = regions.filter((r) => findMark(marks, r.key));
  const summary = painted.length
    ? painted.map((r) => `${describeMark(r)} ${findMark(marks, r.key)?.intensity}/10`).join('; ')
    : 'no pain marked';
  const onKey = (region: ChartRegion) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(region);
    }
  };
  // Viewer's left/right differ between views; the letters keep the therapist oriented.
  const leftLetter = view === 'front' ? 'R' : 'L';
  const rightLetter = view === 'front' ? 'L' : 'R';

  return (
    <svg
      viewBox={`0 0 ${FIGURE_WIDTH} ${FIGURE_HEIGHT}`}
      width="100%"
      style={{ display: 'block', touchAction: 'manipulation' }}
      role={interactive ? 'group' : 'img'}
      aria-label={`${caption ?? VIEW_TITLE[view]} view${interactive ? '' : `: ${summary}`}`}
    >
      {silhouette(view)}
      <text x={8} y={16} fontSize={12} fill="var(--mantine-color-dimmed)">
        {leftLetter}
      </text>
      <text x={FIGURE_WIDTH - 16} y={16} fontSize={12} fill="var(--mantine-color-dimmed)">
        {rightLetter}
      </text>
      {regions.map((region) => {
        const mark = findMark(marks, region.key);
        const selected = selectedKey === region.key;
        return (
          <Shape
            key={region.key}
            shape={region.shape}
            fill={mark ? intensityColour(mark.intensity) : 'var(--mantine-color-white)'}
            fillOpacity={mark ? 0.95 : 0.6}
            stroke={selected ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-5)'}
            strokeWidth={selected ? 2 : 0.8}
            {...(interactive
              ? {
                  role: 'button',
                  tabIndex: 0,
                  'aria-label': region.name,
                  'aria-pressed': Boolean(mark),
                  onClick: () => onSelect?.(region),
                  onKeyDown: onKey(region),
                  style: { cursor: 'pointer', outline: 'none' },
                }
              : { 'aria-hidden': true })}
          >
            <title>{mark ? `${region.name}: ${mark.intensity}/10` : region.name}</title>
          </Shape>
        );
      })}
    </svg>
  );
}
