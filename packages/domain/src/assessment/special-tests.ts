/**
 * Orthopaedic and neurological special tests a massage therapist performs or records, with what a
 * positive result suggests and the ICD-10-CM categories it points towards. A positive test is a
 * finding to report to the referring physician, never a diagnosis made by the product; the
 * ICD-10 areas help the physician's report and the problem list line up with the referral.
 */
import { z } from 'zod';
import { sideSchema } from './pain-drawing.ts';
import { findSpecialTest, type Icd10Area } from './special-tests.catalogue.ts';

export {
  findSpecialTest,
  type Icd10Area,
  SPECIAL_TESTS,
  type SpecialTest,
  type TestArea,
} from './special-tests.catalogue.ts';
export const specialTestResultSchema = z
  .object({
    testId: z.string().refine((id) => findSpecialTest(id) !== undefined, 'Unknown special test'),
    result: z.enum(['positive', 'negative', 'equivocal']),
    side: sideSchema.optional(),
    measurementMm: z.number().min(0).max(90).optional(),
    notes: z.string().trim().max(1000).optional(),
  })
  .superRefine((r, ctx) => {
    const entry = findSpecialTest(r.testId);
    if (!entry) return;
    if (entry.sided && !r.side)
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'Record which side' });
    if (!entry.sided && r.side)
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'This test has no side' });
    if (!entry.measurement && r.measurementMm !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['measurementMm'], message: 'This test records no measurement' });
    }
    if (entry.measurement && r.measurementMm !== undefined) {
      const expected = r.measurementMm < entry.measurement.positiveBelow ? 'positive' : 'negative';
      if (r.result !== 'equivocal' && r.result !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['result'],
          message: `${r.measurementMm} mm reads as ${expected} (threshold ${entry.measurement.positiveBelow} mm)`,
        });
      }
    }
  });

export type SpecialTestResult = z.infer<typeof specialTestResultSchema>;

export interface PositiveFinding {
  testId: string;
  name: string;
  side?: 'left' | 'right';
  suggests: string;
  icd10: readonly Icd10Area[];
  text: string;
}

/** The positive tests in words, for the clinical impression and the physician's report. */
export function positiveFindings(results: readonly SpecialTestResult[]): PositiveFinding[] {
  return results.flatMap((r) => {
    const entry = findSpecialTest(r.testId);
    if (!entry || r.result !== 'positive') return [];
    const where = r.side ? ` on the ${r.side}` : '';
    const measured = r.measurementMm !== undefined ? ` (${r.measurementMm} mm)` : '';
    return [
      {
        testId: entry.id,
        name: entry.name,
        ...(r.side ? { side: r.side } : {}),
        suggests: entry.suggests,
        icd10: entry.icd10,
        text: `Positive ${entry.name}${where}${measured}: suggests ${entry.suggests.charAt(0).toLowerCase()}${entry.suggests.slice(1)}`,
      },
    ];
  });
}
