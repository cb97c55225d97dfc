/**
 * A completed questionnaire as the kiosk, the assessment form and the server receive it. The
 * schema checks the answers against the instrument's own items so that a wrong value is refused at
 * the door instead of surfacing later as an unscorable form.
 */
import { z } from 'zod';
import { isoDateSchema } from '../patients/date.schema.ts';
import { findInstrument } from './instruments.catalogue.ts';
import { type ScoreResult, scoreResponse } from './score.ts';

export { isoDateSchema };

const answerValueSchema = z.union([z.number(), z.array(z.number()).max(6), z.null()]);

export const outcomeResponseSchema = z
  .object({
    instrumentId: z.string().min(1),
    /** The version the patient saw; kept so a later catalogue change cannot reinterpret old forms. */
    instrumentVersion: z.string().optional(),
    administeredOn: isoDateSchema,
    answers: z.record(z.string(), answerValueSchema),
    /** Names of patient-defined items (PSFS activities), by linkId. */
    itemLabels: z.record(z.string(), z.string().trim().min(1).max(200)).optional(),
    /** Who filled it in: the patient on the clinic tablet, or staff transcribing a paper form. */
    completedBy: z.enum(['patient', 'staff_transcribed']).default('patient'),
  })
  .superRefine((response, ctx) => {
    const instrument = findInstrument(response.instrumentId);
    if (!instrument) {
      ctx.addIssue({ code: 'custom', path: ['instrumentId'], message: 'Unknown instrument' });
      return;
    }
    const items = new Map(instrument.item.map((item) => [item.linkId, item]));
    for (const linkId of Object.keys(response.answers)) {
      if (!items.has(linkId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answers', linkId],
          message: `Not an item of ${instrument.name}`,
        });
      }
    }
    for (const linkId of Object.keys(response.itemLabels ?? {})) {
      if (!items.get(linkId)?.patientDefinedLabel) {
        ctx.addIssue({
          code: 'custom',
          path: ['itemLabels', linkId],
          message: 'This item has a fixed label',
        });
      }
    }
    const result = scoreResponse(instrument, response.answers);
    for (const scale of result.scales) {
      if (scale.status === 'invalid' && scale.reason.startsWith('The answers contain errors')) {
        ctx.addIssue({ code: 'custom', path: ['answers'], message: scale.reason });
        return;
      }
    }
  });

export type OutcomeResponse = z.infer<typeof outcomeResponseSchema>;

/** Scores a validated response with its instrument; throws only for an unknown instrument. */
export function scoreOutcomeResponse(
  response: Pick<OutcomeResponse, 'instrumentId' | 'answers'>,
): ScoreResult {
  const instrument = findInstrument(response.instrumentId);
  if (!instrument) throw new Error(`Unknown instrument ${response.instrumentId}`);
  return scoreResponse(instrument, response.answers);
}
