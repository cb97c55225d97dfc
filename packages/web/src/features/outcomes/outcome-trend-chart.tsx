import type { ChangeSeries } from '@fascia/domain/outcomes/change';
import type { Instrument } from '@fascia/domain/outcomes/instrument.types';
import { formatDate } from '../../components/format.ts';
import { mcidThreshold, trendLayout } from './trend-chart-layout.ts';

/** A small line chart of one instrument's scores, with the line a follow-up must cross for the MCID. */
export function OutcomeTrendChart({ instrument, series }: { instrument: Instrument; series: ChangeSeries }) {
  const scale = instrument.scoring.scales.find((s) => s.id === instrument.scoring.primaryScale);
  if (!scale) return null;
  const baseline = series.baseline?.result.score ?? null;
  const threshold = baseline === null ? null : mcidThreshold(baseline, scale.direction, scale.mcid);
  const layout = trendLayout(
    series.points.map((p) => ({ date: p.administeredOn, score: p.score })),
    scale.range,
    threshold,
  );
  const description = `${instrument.name} over time: ${layout.dots
    .map((d) => `${formatDate(d.date)} ${d.score}`)
    .join(
      ', ',
    )}${threshold === null ? '' : `; MCID threshold from baseline ${Math.round(threshold * 10) / 10}`}.`;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      style={{ maxWidth: 420, display: 'block' }}
      role="img"
      aria-label={description}
    >
      {layout.yTicks.map((t) => (
        <g key={t.score}>
          <line x1={36} x2={layout.width - 12} y1={t.y} y2={t.y} stroke="var(--mantine-color-gray-3)" />
          <text x={30} y={t.y + 4} fontSize={10} textAnchor="end" fill="var(--mantine-color-dimmed)">
            {t.score}
          </text>
        </g>
      ))}
      {layout.threshold && (
        <g>
          <line
            x1={36}
            x2={layout.width - 12}
            y1={layout.threshold.y}
            y2={layout.threshold.y}
            stroke="var(--mantine-color-green-7)"
            strokeDasharray="4 3"
          />
          <text
            x={layout.width - 14}
            y={layout.threshold.y - 3}
            fontSize={9}
            textAnchor="end"
            fill="var(--mantine-color-green-8)"
          >
            MCID
          </text>
        </g>
      )}
      <path d={layout.path} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} />
      {layout.dots.map((d) => (
        <g key={`${d.date}-${d.score}`}>
          <circle cx={d.x} cy={d.y} r={4} fill="var(--mantine-color-blue-6)" />
          <text
            x={d.x}
            y={layout.height - 6}
            fontSize={9}
            textAnchor="middle"
            fill="var(--mantine-color-dimmed)"
          >
            {d.date.slice(5)}
          </text>
        </g>
      ))}
    </svg>
  );
}
