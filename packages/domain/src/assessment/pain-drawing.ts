/**
 * The pain drawing as structured data: each mark is a body region (from the shared region model),
 * a side for paired regions, an intensity 0–10 and the qualities the patient describes. Storing
 * regions rather than pixels lets two visits be compared, the trigger-point ranking read the
 * drawing, and a report show the same regions the plan of care treats.
 */
import { z } from 'zod';
import { findRegion, isRegionId, type Side } from '../body/regions.ts';

export const PAIN_QUALITIES = [
  'aching',
  'burning',
  'sharp',
  'throbbing',
  'shooting',
  'tingling',
  'numbness',
  'stiffness',
  'referred',
] as const;
export type PainQuality = (typeof PAIN_QUALITIES)[number];

export const sideSchema = z.enum(['left', 'right']);

export const painMarkSchema = z
  .object({
    regionId: z.string().refine(isRegionId, 'Unknown body region'),
    side: sideSchema.optional(),
    intensity: z.number().int().min(0).max(10),
    qualities: z.array(z.enum(PAIN_QUALITIES)).max(PAIN_QUALITIES.length).default([]),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((mark, ctx) => {
    const region = findRegion(mark.regionId);
    if (!region) return;
    if (region.lateral && !mark.side) {
      ctx.addIssue({ code: 'custom', path: ['side'], message: `${region.label} needs a side` });
    }
    if (!region.lateral && mark.side) {
      ctx.addIssue({ code: 'custom', path: ['side'], message: `${region.label} is a midline region` });
    }
    if (new Set(mark.qualities).size !== mark.qualities.length) {
      ctx.addIssue({ code: 'custom', path: ['qualities'], message: 'A quality is listed twice' });
    }
  });

export type PainMark = z.infer<typeof painMarkSchema>;

export function markKey(mark: { regionId: string; side?: Side | undefined }): string {
  return `${mark.regionId}:${mark.side ?? 'midline'}`;
}

export const painDrawingSchema = z
  .object({
    marks: z.array(painMarkSchema).max(120),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((drawing, ctx) => {
    const seen = new Set<string>();
    drawing.marks.forEach((mark, index) => {
      const key = markKey(mark);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['marks', index],
          message: 'This region and side is marked twice',
        });
      }
      seen.add(key);
    });
  });

export type PainDrawing = z.infer<typeof painDrawingSchema>;

/** Sum of intensities: one number for "how much pain, over how much of the body". */
export function painBurden(drawing: Pick<PainDrawing, 'marks'>): number {
  return drawing.marks.reduce((total, mark) => total + mark.intensity, 0);
}

export function describeMark(mark: Pick<PainMark, 'regionId' | 'side'>): string {
  const label = findRegion(mark.regionId)?.label ?? mark.regionId;
  return mark.side ? `${label} (${mark.side})` : label;
}

export interface MarkChange {
  key: string;
  regionId: string;
  side?: Side;
  label: string;
  before: number;
  after: number;
  /** after − before; negative is less pain. */
  delta: number;
  qualitiesAdded: PainQuality[];
  qualitiesResolved: PainQuality[];
}

export interface PainDrawingComparison {
  added: PainMark[];
  resolved: PainMark[];
  changed: MarkChange[];
  unchanged: PainMark[];
  burden: { before: number; after: number; change: number; percentChange: number | null };
  maxIntensity: { before: number; after: number };
  regionCount: { before: number; after: number };
  summary: string;
}

function maxIntensity(marks: readonly PainMark[]): number {
  return marks.reduce((max, mark) => Math.max(max, mark.intensity), 0);
}

/** What changed between two visits' drawings: regions added, resolved, and intensity changes. */
export function comparePainDrawings(
  before: Pick<PainDrawing, 'marks'>,
  after: Pick<PainDrawing, 'marks'>,
): PainDrawingComparison {
  const earlier = new Map(before.marks.map((mark) => [markKey(mark), mark]));
  const later = new Map(after.marks.map((mark) => [markKey(mark), mark]));
  const added = after.marks.filter((mark) => !earlier.has(markKey(mark)));
  const resolved = before.marks.filter((mark) => !later.has(markKey(mark)));
  const changed: MarkChange[] = [];
  const unchanged: PainMark[] = [];
  for (const mark of after.marks) {
    const key = markKey(mark);
    const old = earlier.get(key);
    if (!old) continue;
    const qualitiesAdded = mark.qualities.filter((q) => !old.qualities.includes(q));
    const qualitiesResolved = old.qualities.filter((q) => !mark.qualities.includes(q));
    if (old.intensity === mark.intensity && qualitiesAdded.length === 0 && qualitiesResolved.length === 0) {
      unchanged.push(mark);
      continue;
    }
    changed.push({
      key,
      regionId: mark.regionId,
      ...(mark.side ? { side: mark.side } : {}),
      label: describeMark(mark),
      before: old.intensity,
      after: mark.intensity,
      delta: mark.intensity - old.intensity,
      qualitiesAdded,
      qualitiesResolved,
    });
  }
  const burdenBefore = painBurden(before);
  const burdenAfter = painBurden(after);
  const change = burdenAfter - burdenBefore;
  const percentChange = burdenBefore === 0 ? null : Math.round((change / burdenBefore) * 1000) / 10;
  const parts = [
    resolved.length > 0 ? `resolved: ${resolved.map(describeMark).join(', ')}` : '',
    added.length > 0 ? `new: ${added.map(describeMark).join(', ')}` : '',
    changed
      .filter((c) => c.delta !== 0)
      .map((c) => `${c.label} ${c.before} → ${c.after}`)
      .join(', '),
  ].filter(Boolean);
  const trend = change < 0 ? 'less' : change > 0 ? 'more' : 'the same';
  const summary = `Total pain burden ${burdenBefore} → ${burdenAfter} (${trend})${parts.length ? `; ${parts.join('; ')}` : ''}.`;
  return {
    added,
    resolved,
    changed,
    unchanged,
    burden: { before: burdenBefore, after: burdenAfter, change, percentChange },
    maxIntensity: { before: maxIntensity(before.marks), after: maxIntensity(after.marks) },
    regionCount: { before: before.marks.length, after: after.marks.length },
    summary,
  };
}
