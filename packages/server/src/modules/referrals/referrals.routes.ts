import { searchIcd10 } from '@fascia/domain/patients/icd10';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/request-auth.ts';
import {
  attachmentBody,
  providerView,
  referralBody,
  referralView,
  referringProviderSchema,
} from './referrals.schemas.ts';
import type { ReferralsService } from './referrals.service.ts';

const tags = ['referrals'];
const id = z.object({ id: z.uuid() });

export function referralsRoutes(referrals: ReferralsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/icd10',
      {
        config: { auth: 'staff', permission: 'patients.read' },
        schema: {
          tags,
          summary: 'Search the bundled ICD-10-CM (FY2026) catalogue by code or words',
          querystring: z.object({
            q: z.string().trim().min(1).max(100),
            billableOnly: z.enum(['true', 'false']).optional(),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  description: z.string(),
                  billable: z.boolean(),
                  chapter: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({
        items: searchIcd10(req.query.q, { limit: 20, billableOnly: req.query.billableOnly === 'true' }).map(
          ({ entry }) => ({
            code: entry.code,
            description: entry.description,
            billable: entry.billable,
            chapter: entry.chapter,
          }),
        ),
      }),
    );

    app.get(
      '/api/providers',
      {
        config: { auth: 'staff', permission: 'referrals.read' },
        schema: {
          tags,
          summary: 'Referring provider directory',
          querystring: z.object({ q: z.string().trim().max(100).optional() }),
          response: { 200: z.object({ items: z.array(providerView) }) },
        },
      },
      async (req) => ({ items: await referrals.listProviders(requireActor(req), req.query.q) }),
    );

    app.post(
      '/api/providers',
      {
        config: { auth: 'staff', permission: 'referrals.write' },
        schema: {
          tags,
          summary: 'Add a referring provider (NPI checked)',
          body: referringProviderSchema,
          response: { 201: providerView },
        },
      },
      async (req, reply) => reply.status(201).send(await referrals.saveProvider(requireActor(req), req.body)),
    );

    app.put(
      '/api/providers/:id',
      {
        config: { auth: 'staff', permission: 'referrals.write' },
        schema: {
          tags,
          summary: 'Change a referring provider',
          params: id,
          body: referringProviderSchema,
          response: { 200: providerView },
        },
      },
      async (req) => referrals.saveProvider(requireActor(req), req.body, req.params.id),
    );

    app.get(
      '/api/patients/:id/referrals',
      {
        config: { auth: 'staff', permission: 'referrals.read' },
        schema: {
          tags,
          summary: "A patient's referrals with their computed status",
          params: id,
          response: { 200: z.object({ items: z.array(referralView) }) },
        },
      },
      async (req) => ({ items: await referrals.list(requireActor(req), req.params.id) }),
    );

    app.post(
      '/api/patients/:id/referrals',
      {
        config: { auth: 'staff', permission: 'referrals.write' },
        schema: {
          tags,
          summary: 'Add a referral',
          params: id,
          body: referralBody,
          response: { 201: referralView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await referrals.save(requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/api/referrals/:id',
      {
        config: { auth: 'staff', permission: 'referrals.read' },
        schema: {
          tags,
          summary: 'One referral with its status',
          params: id,
          response: { 200: referralView },
        },
      },
      async (req) => referrals.get(requireActor(req), req.params.id),
    );

    app.put(
      '/api/referrals/:id',
      {
        config: { auth: 'staff', permission: 'referrals.write' },
        schema: {
          tags,
          summary: 'Change a referral',
          params: id,
          body: referralBody,
          response: { 200: referralView },
        },
      },
      async (req) => referrals.save(requireActor(req), undefined, req.body, req.params.id),
    );

    app.put(
      '/api/referrals/:id/attachment',
      {
        bodyLimit: 15 * 1024 * 1024,
        config: { auth: 'staff', permission: 'referrals.write' },
        schema: {
          tags,
          summary: 'Attach the scanned prescription (PDF or image), stored with its SHA-256',
          params: id,
          body: attachmentBody,
          response: {
            200: z.object({
              sha256: z.string(),
              mediaType: z.string(),
              fileName: z.string(),
              sizeBytes: z.number().int(),
            }),
          },
        },
      },
      async (req) => referrals.attach(requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/api/referrals/:id/attachment',
      {
        config: { auth: 'staff', permission: 'referrals.read' },
        schema: { tags, summary: 'Download the attached prescription', params: id },
      },
      async (req, reply) => {
        const file = await referrals.download(requireActor(req), req.params.id);
        return reply
          .type(file.media_type)
          .header('content-disposition', `attachment; filename="${file.file_name.replace(/[^\w.-]+/g, '_')}"`)
          .header('x-content-sha256', file.sha256)
          .send(file.content);
      },
    );
  };
}
