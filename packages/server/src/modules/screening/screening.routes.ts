import { dayOfAnswersSchema } from '@fascia/domain/screening/screening-input.schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-auth.ts';
import type { ScreeningService } from './screening.service.ts';

const tags = ['screening'];
const id = z.object({ id: z.uuid() });

const regions = z.array(z.object({ regionId: z.string(), side: z.enum(['left', 'right']).optional() }));
const position = z.enum(['prone', 'supine', 'side_lying', 'seated']);

/** A finding exactly as packages/domain/src/screening/types.ts defines it. */
const finding = z.object({
  ruleId: z.string(),
  severity: z.enum(['stop', 'avoid', 'modify']),
  reason: z.string(),
  source: z.string(),
  standing: z.boolean().optional(),
  regions: regions.optional(),
  modification: z
    .object({
      maxPressure: z.number().int(),
      excludedPositions: z.array(position),
      preferredPosition: position,
      excludedTechniqueTags: z.array(z.string()),
      maxSessionMinutes: z.number(),
      checkInEveryMinutes: z.number(),
      clearanceNeeded: z.string(),
      regions,
      advice: z.array(z.string()),
    })
    .partial()
    .optional(),
});

const screeningView = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  asOf: z.string(),
  answers: z.record(z.string(), z.unknown()),
  decision: z.enum(['proceed', 'proceed_with_care', 'stop']),
  findings: z.array(finding),
  overrides: z.array(z.object({ ruleId: z.string(), reason: z.string(), by: z.string() })),
  acknowledgedBy: z.string(),
  createdAt: z.string(),
});

const screeningBody = z.object({
  dayOf: dayOfAnswersSchema,
  /** The therapist has gone through the findings with the patient. */
  acknowledged: z.boolean(),
  overrides: z
    .array(
      z.object({
        ruleId: z.string().min(1),
        reason: z.string().trim().min(10, 'Explain the override in at least 10 characters.').max(1000),
      }),
    )
    .default([]),
});

export function screeningRoutes(screening: ScreeningService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:id/screening-context',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "Today's screening input without the day-of answers, and its result, for the live form",
          params: id,
          response: {
            200: z.object({
              asOf: z.string(),
              history: z.record(z.string(), z.unknown()),
              precautions: z.array(z.unknown()),
              result: z.object({ asOf: z.string(), decision: z.string(), findings: z.array(finding) }),
            }),
          },
        },
      },
      async (req) => screening.context(requireActor(req), req.params.id),
    );

    app.post(
      '/api/patients/:id/screenings',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Record the day-of screening; the server computes the findings',
          params: id,
          body: screeningBody,
          response: { 201: screeningView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await screening.record(requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/api/patients/:id/screenings',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "A patient's screenings, latest first",
          params: id,
          response: { 200: z.object({ items: z.array(screeningView) }) },
        },
      },
      async (req) => ({ items: await screening.list(requireActor(req), req.params.id) }),
    );

    app.get(
      '/api/screenings/:id',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: { tags, summary: 'One screening', params: id, response: { 200: screeningView } },
      },
      async (req) => screening.get(requireActor(req), req.params.id),
    );
  };
}
