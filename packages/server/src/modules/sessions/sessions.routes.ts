import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addendumBody, addendumView } from '../../platform/addenda.schemas.ts';
import { requireActor } from '../../platform/request-auth.ts';
import type { SessionsService } from './sessions.service.ts';

const tags = ['session notes'];
const id = z.object({ id: z.uuid() });
const loose = z.record(z.string(), z.unknown());
const fieldError = z.object({ field: z.string(), message: z.string() });

const noteView = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  screeningId: z.uuid(),
  planId: z.string().nullable(),
  referralId: z.string().nullable(),
  visitDate: z.string(),
  status: z.enum(['draft', 'signed']),
  outcome: z.enum(['treated', 'postponed']),
  version: z.number().int(),
  content: loose,
  screening: loose,
  gate: loose,
  billing: loose.nullable(),
  signIssues: z.array(fieldError),
  referral: loose.nullable(),
  lateEntry: z.boolean(),
  referralOverride: z.string().nullable(),
  contentHash: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  addenda: z.array(addendumView),
});

export function sessionsRoutes(sessions: SessionsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:id/notes',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "A patient's session notes, latest first",
          params: id,
          response: { 200: z.object({ items: z.array(loose) }) },
        },
      },
      async (req) => ({ items: await sessions.list(requireActor(req), req.params.id) }),
    );

    app.post(
      '/api/patients/:id/notes',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary:
            "Start a visit's note from today's day-of screening (optionally copied forward or from a template)",
          params: id,
          body: z.object({
            screeningId: z.uuid(),
            planId: z.uuid().optional(),
            referralId: z.uuid().optional(),
            copyForward: z.boolean().optional(),
            templateId: z.string().max(80).optional(),
          }),
          response: { 201: noteView },
        },
      },
      async (req, reply) =>
        reply.status(201).send((await sessions.start(requireActor(req), req.params.id, req.body)) as never),
    );

    app.get(
      '/api/notes/:id',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'A note with its gate result, units and addenda',
          params: id,
          response: { 200: noteView },
        },
      },
      async (req) => (await sessions.get(requireActor(req), req.params.id)) as never,
    );

    app.put(
      '/api/notes/:id',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Autosave the draft (refused once signed)',
          params: id,
          body: z.object({ content: loose, version: z.number().int().min(1) }),
          response: { 200: noteView },
        },
      },
      async (req) =>
        (await sessions.save(requireActor(req), req.params.id, req.body.version, req.body.content)) as never,
    );

    app.post(
      '/api/notes/:id/sign',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Sign: complete, through the safety gate, hashed and locked',
          params: id,
          body: z.object({
            version: z.number().int().min(1),
            referralOverride: z
              .string()
              .trim()
              .min(10, 'Explain the override in at least 10 characters')
              .max(1000)
              .optional(),
          }),
          response: { 200: noteView },
        },
      },
      async (req) =>
        (await sessions.sign(
          requireActor(req),
          req.params.id,
          req.body.version,
          req.body.referralOverride,
        )) as never,
    );

    app.post(
      '/api/notes/:id/addenda',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Add an addendum to a signed note',
          params: id,
          body: addendumBody,
          response: { 201: noteView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            (await sessions.addAddendum(
              requireActor(req),
              req.params.id,
              req.body.reason,
              req.body.body,
            )) as never,
          ),
    );
  };
}
