import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requireActor } from '../../platform/request-auth.ts';
import { RECOMMENDATIONS } from './pdf/progress-report.pdf.ts';
import type { ReportsService } from './reports.service.ts';
import type { SharesService } from './shares.service.ts';

const tags = ['reports'];
const id = z.object({ id: z.uuid() });
const documentView = z.object({
  id: z.uuid(),
  kind: z.string(),
  version: z.number().int(),
  title: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
const recommendation = z.enum(Object.keys(RECOMMENDATIONS) as [keyof typeof RECOMMENDATIONS]);

export function reportsRoutes(
  reports: ReportsService,
  shares: SharesService,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/referrals/:id/reports',
      {
        config: { auth: 'staff', permission: 'reports.generate' },
        schema: {
          tags,
          summary: 'Generate a progress report (or evaluation / re-evaluation / discharge summary) as PDF',
          params: id,
          body: z.object({
            kind: z.enum(['progress_report', 'initial_evaluation', 're_evaluation', 'discharge_summary']),
            assessment: z.string().trim().min(1, "Write the therapist's assessment").max(5000),
            recommendation,
            recommendationNote: z.string().trim().max(2000).optional(),
          }),
          response: { 201: documentView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await reports.progressReport(requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/api/notes/:id/pdf',
      {
        config: { auth: 'staff', permission: 'reports.generate' },
        schema: {
          tags,
          summary:
            'Print a signed visit note (with addenda) as PDF; an unchanged note returns the PDF already made (200)',
          params: id,
          response: {
            200: documentView.extend({ reused: z.literal(true) }),
            201: documentView.extend({ reused: z.literal(false) }),
          },
        },
      },
      async (req, reply) => {
        const doc = await reports.visitNote(requireActor(req), req.params.id);
        return reply.status(doc.reused ? 200 : 201).send(doc as never);
      },
    );

    app.get(
      '/api/patients/:id/documents',
      {
        config: { auth: 'staff', permission: 'reports.read' },
        schema: {
          tags,
          summary: "The patient's generated documents",
          params: id,
          response: {
            200: z.object({
              items: z.array(
                documentView.extend({
                  referralId: z.string().nullable(),
                  noteId: z.string().nullable(),
                  generatedBy: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({ items: await reports.list(requireActor(req), req.params.id) }),
    );

    app.get(
      '/api/documents/:id',
      {
        config: { auth: 'staff', permission: 'reports.read' },
        schema: { tags, summary: 'Download a document (PDF)', params: id },
      },
      async (req, reply) => {
        const doc = await reports.download(requireActor(req), req.params.id);
        return reply
          .type(doc.media_type)
          .header('content-disposition', `inline; filename="${doc.kind}-v${doc.version}.pdf"`)
          .header('x-content-sha256', doc.sha256)
          .send(doc.content);
      },
    );

    app.post(
      '/api/documents/:id/shares',
      {
        config: { auth: 'staff', permission: 'reports.generate' },
        schema: {
          tags,
          summary:
            'Share with the physician: a link (emailed if an address is given) and a code to pass on separately',
          params: id,
          body: z.object({
            expiresInDays: z.number().int().min(1).max(30).default(14),
            recipientEmail: z.email().optional(),
          }),
          response: {
            201: z.object({
              id: z.uuid(),
              url: z.string(),
              code: z.string(),
              expiresAt: z.string(),
              /** null when no address was given; otherwise whether the email really went out. */
              email: z.enum(['sent', 'not_configured', 'failed']).nullable(),
            }),
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await shares.create(requireActor(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/shares/:id',
      {
        config: { auth: 'staff', permission: 'reports.generate' },
        schema: { tags, summary: 'Revoke a share link', params: id, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await shares.revoke(requireActor(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    const limit = { max: config.signInRatePerMinute, timeWindow: '1 minute' };
    const token = z.object({ token: z.string().min(20).max(100) });
    app.get(
      '/api/shared/:token',
      {
        config: { auth: 'public', rateLimit: limit },
        schema: {
          tags,
          summary: 'What a share link is (no patient data)',
          params: token,
          response: { 200: z.object({ clinicName: z.string(), expiresAt: z.string() }) },
        },
      },
      async (req) => shares.describe(req.params.token),
    );

    app.post(
      '/api/shared/:token/open',
      {
        config: { auth: 'public', rateLimit: limit },
        schema: {
          tags,
          summary: 'Open a shared document with its access code',
          params: token,
          body: z.object({
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/, 'The code has 6 digits'),
          }),
        },
      },
      async (req, reply) => {
        const doc = await shares.open(req.params.token, req.body.code, req.ip);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="document.pdf"')
          .header('cache-control', 'no-store')
          .send(doc.content);
      },
    );
  };
}
