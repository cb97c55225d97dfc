import { isoDateSchema } from '@fascia/domain/patients/date.schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addendumBody, addendumView } from '../../platform/addenda.schemas.ts';
import { requireActor } from '../../platform/request-auth.ts';
import type { AssessmentsService } from './assessments.service.ts';

const tags = ['assessments'];
const id = z.object({ id: z.uuid() });
const fieldError = z.object({ field: z.string(), message: z.string() });

const draftBody = z.object({
  kind: z.enum(['initial', 're_evaluation', 'discharge']),
  performedOn: isoDateSchema,
  referralId: z.uuid().optional(),
  /** The assessment content (subjective, painDrawing, posture, rom, specialTests, palpation, outcomes, …). */
  content: z.record(z.string(), z.unknown()),
});

const assessmentView = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  referralId: z.string().nullable(),
  kind: z.enum(['initial', 're_evaluation', 'discharge']),
  performedOn: z.string(),
  status: z.enum(['draft', 'signed']),
  version: z.number().int(),
  content: z.record(z.string(), z.unknown()),
  problems: z.array(fieldError),
  contentHash: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  addenda: z.array(addendumView),
});

export function assessmentsRoutes(assessments: AssessmentsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:id/assessments',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "A patient's assessments, latest first",
          params: id,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  kind: z.string(),
                  performedOn: z.string(),
                  status: z.string(),
                  therapistId: z.string(),
                  referralId: z.string().nullable(),
                  signedAt: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({ items: await assessments.list(requireActor(req), req.params.id) }),
    );

    app.post(
      '/api/patients/:id/assessments',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Start an assessment (a draft)',
          params: id,
          body: draftBody,
          response: { 201: assessmentView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await assessments.create(requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/api/assessments/:id',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'An assessment with its addenda and what blocks signing',
          params: id,
          response: { 200: assessmentView },
        },
      },
      async (req) => assessments.get(requireActor(req), req.params.id),
    );

    app.put(
      '/api/assessments/:id',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Save a draft (refused once signed)',
          params: id,
          body: draftBody.extend({ version: z.number().int().min(1) }),
          response: { 200: assessmentView },
        },
      },
      async (req) => assessments.saveDraft(requireActor(req), req.params.id, req.body.version, req.body),
    );

    app.post(
      '/api/assessments/:id/sign',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Sign: validate in full, hash and lock',
          params: id,
          body: z.object({ version: z.number().int().min(1) }),
          response: { 200: assessmentView },
        },
      },
      async (req) => assessments.sign(requireActor(req), req.params.id, req.body.version),
    );

    app.post(
      '/api/assessments/:id/addenda',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Add an addendum to a signed assessment',
          params: id,
          body: addendumBody,
          response: { 201: assessmentView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await assessments.addAddendum(requireActor(req), req.params.id, req.body.reason, req.body.body),
          ),
    );

    app.get(
      '/api/assessments/:id/comparison',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'This assessment against its baseline: pain, outcome measures against their MCIDs, ROM',
          params: id,
          response: {
            200: z.object({ baselineId: z.string(), comparison: z.record(z.string(), z.unknown()) }),
          },
        },
      },
      async (req) => {
        const { baselineId, comparison } = await assessments.compare(requireActor(req), req.params.id);
        return { baselineId, comparison: comparison as unknown as Record<string, unknown> };
      },
    );
  };
}
