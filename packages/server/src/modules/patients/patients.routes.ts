import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-auth.ts';
import {
  careTeamBody,
  coverageParams,
  coverageSchema,
  coverageView,
  patientBody,
  patientId,
  patientListQuery,
  patientSummary,
  patientView,
} from './patients.schemas.ts';
import type { PatientsService } from './patients.service.ts';

const tags = ['patients'];

export function patientsRoutes(patients: PatientsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/patients',
      {
        config: { auth: 'staff', permission: 'patients.read' },
        schema: {
          tags,
          summary: 'Patient list: typo-tolerant name search, date of birth, phone; keyset pages',
          querystring: patientListQuery,
          response: { 200: z.object({ items: z.array(patientSummary), nextCursor: z.string().nullable() }) },
        },
      },
      async (req) => patients.list(requireActor(req), req.query),
    );

    app.post(
      '/api/patients',
      {
        config: { auth: 'staff', permission: 'patients.write' },
        schema: { tags, summary: 'Register a patient', body: patientBody, response: { 201: patientView } },
      },
      async (req, reply) =>
        reply.status(201).send(await patients.create(requireActor(req), req.body.record, req.body.careTeam)),
    );

    app.get(
      '/api/patients/:id',
      {
        config: { auth: 'staff', permission: 'patients.read' },
        schema: {
          tags,
          summary: 'The chart header: demographics, care team, alerts',
          params: patientId,
          response: { 200: patientView },
        },
      },
      async (req) => patients.get(requireActor(req), req.params.id),
    );

    app.put(
      '/api/patients/:id',
      {
        config: { auth: 'staff', permission: 'patients.write' },
        schema: {
          tags,
          summary: 'Update demographics, consents and care team',
          params: patientId,
          body: patientBody,
          response: { 200: patientView },
        },
      },
      async (req) =>
        patients.update(
          requireActor(req),
          req.params.id,
          req.body.record,
          req.body.version,
          req.body.careTeam,
        ),
    );

    app.put(
      '/api/patients/:id/care-team',
      {
        config: { auth: 'staff', permission: 'patients.care_team.manage' },
        schema: {
          tags,
          summary: 'Replace the care team (owner, admin; front desk where the clinic allows it)',
          params: patientId,
          body: careTeamBody,
          response: { 200: patientView },
        },
      },
      async (req) => patients.setCareTeam(requireActor(req), req.params.id, req.body.careTeam),
    );

    app.get(
      '/api/patients/:id/coverages',
      {
        config: { auth: 'staff', permission: 'patients.read' },
        schema: {
          tags,
          summary: 'Insurance coverages, primary first',
          params: patientId,
          response: { 200: z.object({ items: z.array(coverageView) }) },
        },
      },
      async (req) => ({ items: await patients.listCoverages(requireActor(req), req.params.id) }),
    );

    app.post(
      '/api/patients/:id/coverages',
      {
        config: { auth: 'staff', permission: 'patients.write' },
        schema: {
          tags,
          summary: 'Add a coverage',
          params: patientId,
          body: coverageSchema,
          response: { 201: coverageView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await patients.saveCoverage(requireActor(req), req.params.id, req.body)),
    );

    app.put(
      '/api/patients/:id/coverages/:coverageId',
      {
        config: { auth: 'staff', permission: 'patients.write' },
        schema: {
          tags,
          summary: 'Change a coverage',
          params: coverageParams,
          body: coverageSchema,
          response: { 200: coverageView },
        },
      },
      async (req) => patients.saveCoverage(requireActor(req), req.params.id, req.body, req.params.coverageId),
    );
  };
}
