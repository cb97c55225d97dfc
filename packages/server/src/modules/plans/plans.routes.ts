import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-auth.ts';
import type { PlansService } from './plans.service.ts';

const tags = ['plans of care'];
const id = z.object({ id: z.uuid() });
const loose = z.record(z.string(), z.unknown());

const planView = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  referralId: z.uuid(),
  assessmentId: z.uuid(),
  currentVersion: z.number().int(),
  content: loose,
  versions: z.array(
    z.object({
      version: z.number().int(),
      reason: z.string(),
      changedAt: z.string(),
      changedBy: z.string(),
      changedByName: z.string(),
      safety: loose,
    }),
  ),
});

export function plansRoutes(plans: PlansService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients/:id/plans',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "A patient's plans of care (current version of each)",
          params: id,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  referralId: z.uuid(),
                  assessmentId: z.uuid(),
                  currentVersion: z.number().int(),
                  content: loose,
                  updatedAt: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({ items: (await plans.list(requireActor(req), req.params.id)) as never }),
    );

    app.post(
      '/api/patients/:id/plans',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Create a plan of care (checked against the referral and the screening findings)',
          params: id,
          body: z.object({ content: loose, reason: z.string().trim().min(3).max(500).optional() }),
          response: { 201: planView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            (await plans.create(
              requireActor(req),
              req.params.id,
              req.body.content,
              req.body.reason,
            )) as never,
          ),
    );

    app.get(
      '/api/plans/:id',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'A plan: its current version and its history',
          params: id,
          response: { 200: planView },
        },
      },
      async (req) => (await plans.get(requireActor(req), req.params.id)) as never,
    );

    app.put(
      '/api/plans/:id',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Change the plan: a new version with its reason',
          params: id,
          body: z.object({
            content: loose,
            reason: z.string().trim().min(3, 'Say why the plan changes').max(500),
            baseVersion: z.number().int().min(1),
          }),
          response: { 200: planView },
        },
      },
      async (req) =>
        (await plans.revise(
          requireActor(req),
          req.params.id,
          req.body.content,
          req.body.reason,
          req.body.baseVersion,
        )) as never,
    );

    app.get(
      '/api/plans/:id/diff',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'What changed between two versions',
          params: id,
          querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
          response: {
            200: z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(loose) }),
          },
        },
      },
      async (req) =>
        (await plans.diff(requireActor(req), req.params.id, req.query.from, req.query.to)) as never,
    );
  };
}
