import { INSTRUMENTS } from '@fascia/domain/outcomes/instruments.catalogue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { cookieSecure, requireActor } from '../../platform/request-auth.ts';
import { KIOSK_MINUTES, type OutcomesService } from './outcomes.service.ts';

/** The tablet's half of a kiosk hand-over: sent only to the kiosk API, never readable by scripts. */
const KIOSK_DEVICE_COOKIE = 'fascia_kiosk_device';

const tags = ['outcomes'];
const id = z.object({ id: z.uuid() });
const token = z.object({ token: z.string().min(20).max(100) });
const loose = z.record(z.string(), z.unknown());

export function outcomesRoutes(outcomes: OutcomesService, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/outcomes/instruments',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary:
            'The outcome instruments (Questionnaire-shaped definitions, neutral labels for licensed ones)',
          response: { 200: z.object({ items: z.array(loose) }) },
        },
      },
      async () => ({ items: INSTRUMENTS.map((i) => ({ ...i }) as Record<string, unknown>) }),
    );

    app.post(
      '/api/patients/:id/outcomes',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Record a questionnaire (e.g. transcribed from paper); scored on the server',
          params: id,
          body: loose,
          response: { 201: z.object({ id: z.uuid(), result: loose }) },
        },
      },
      async (req, reply) => {
        const saved = await outcomes.record(requireActor(req), req.params.id, {
          completedBy: 'staff_transcribed',
          ...req.body,
        });
        return reply
          .status(201)
          .send({ id: saved.id, result: saved.result as unknown as Record<string, unknown> });
      },
    );

    app.get(
      '/api/patients/:id/outcomes',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "A patient's outcome series per instrument, each compared with its baseline",
          params: id,
          querystring: z.object({ instrumentId: z.string().max(40).optional() }),
          response: { 200: z.object({ items: z.array(loose) }) },
        },
      },
      async (req) => ({
        items: (await outcomes.series(
          requireActor(req),
          req.params.id,
          req.query.instrumentId,
        )) as unknown as Record<string, unknown>[],
      }),
    );

    app.post(
      '/api/patients/:id/kiosk',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Hand questionnaires to the patient on the clinic tablet (one-time kiosk link)',
          params: id,
          body: z.object({ instrumentIds: z.array(z.string().min(1)).min(1).max(10) }),
          response: { 201: z.object({ token: z.string(), path: z.string(), expiresAt: z.string() }) },
        },
      },
      async (req, reply) => {
        const { deviceSecret, ...started } = await outcomes.startKiosk(
          requireActor(req),
          req.params.id,
          req.body.instrumentIds,
        );
        reply.setCookie(KIOSK_DEVICE_COOKIE, deviceSecret, {
          httpOnly: true,
          sameSite: 'strict',
          secure: cookieSecure(req, config),
          path: '/api/kiosk',
          maxAge: KIOSK_MINUTES * 60,
        });
        return reply.status(201).send(started);
      },
    );

    const kioskLimit = { max: config.signInRatePerMinute * 3, timeWindow: '1 minute' };
    app.get(
      '/api/kiosk/:token',
      {
        config: { auth: 'public', rateLimit: kioskLimit },
        schema: {
          tags,
          summary: 'Kiosk: the questionnaires still to fill in',
          params: token,
          response: {
            200: z.object({
              greetingName: z.string(),
              remaining: z.array(z.string()),
              completed: z.array(z.string()),
            }),
          },
        },
      },
      async (req) => outcomes.kioskView(req.params.token, req.cookies[KIOSK_DEVICE_COOKIE]),
    );

    app.post(
      '/api/kiosk/:token/responses',
      {
        config: { auth: 'public', rateLimit: kioskLimit },
        schema: {
          tags,
          summary: 'Kiosk: submit one questionnaire',
          params: token,
          body: z.object({
            instrumentId: z.string().min(1),
            answers: z.record(z.string(), z.union([z.number(), z.array(z.number()), z.null()])),
            itemLabels: z.record(z.string(), z.string()).optional(),
          }),
          response: { 200: z.object({ remaining: z.array(z.string()), done: z.boolean() }) },
        },
      },
      async (req) =>
        outcomes.kioskSubmit(
          req.params.token,
          req.cookies[KIOSK_DEVICE_COOKIE],
          req.body.instrumentId,
          req.body.answers,
          req.body.itemLabels,
        ),
    );
  };
}
