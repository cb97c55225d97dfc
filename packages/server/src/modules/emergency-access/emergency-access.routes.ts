import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from '@fascia/domain/access/permissions';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-auth.ts';
import type { EmergencyAccessService } from './emergency-access.service.ts';

const tags = ['emergency access'];
const params = z.object({ id: z.uuid() });
const grantView = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});

export function emergencyAccessRoutes(service: EmergencyAccessService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/patients/:id/emergency-access',
      {
        config: { auth: 'staff', permission: 'clinical.emergency_access' },
        schema: {
          tags,
          summary: 'Break the glass: open a chart off your care team for a limited time, with a reason',
          params,
          body: z.object({
            reason: z
              .string()
              .trim()
              .min(EMERGENCY_REASON_MIN, `must say why, in at least ${EMERGENCY_REASON_MIN} characters`)
              .max(EMERGENCY_REASON_MAX),
          }),
          response: { 201: grantView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.request(requireActor(req), req.params.id, req.body.reason)),
    );

    app.get(
      '/api/patients/:id/emergency-access',
      {
        config: { auth: 'staff', permission: 'clinical.emergency_access' },
        schema: {
          tags,
          summary: 'Your unexpired emergency access to this chart, if any',
          params,
          response: { 200: z.object({ grant: grantView.nullable() }) },
        },
      },
      async (req) => service.current(requireActor(req), req.params.id),
    );
  };
}
