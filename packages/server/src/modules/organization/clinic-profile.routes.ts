import { createHash } from 'node:crypto';
import {
  clinicLocationSchema,
  clinicProfileSchema,
  UNIT_SYSTEMS,
} from '@fascia/domain/clinic/clinic-profile.schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { uploadProblem } from '../../platform/file-types.ts';
import { auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { getClinicLogo, getClinicProfile, saveClinicProfile, setClinicLogo } from './clinic-profile.repo.ts';

const tags = ['organization'];
const MAX_LOGO_BYTES = 512 * 1024;

const profileView = z.object({
  legalName: z.string(),
  locations: z.array(clinicLocationSchema),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  npi: z.string().nullable(),
  taxId: z.string().nullable(),
  units: z.enum(UNIT_SYSTEMS),
  logo: z.object({ mediaType: z.string(), sha256: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
});

const logoBody = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg']),
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4),
});

/** A logo pdfkit cannot draw would break every PDF the clinic prints, so it is refused on upload. */
async function drawable(content: Buffer): Promise<boolean> {
  const { default: PDFDocument } = await import('pdfkit');
  try {
    // openImage decodes the image as doc.image() would; the typings leave it out.
    (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(b: Buffer): unknown }).openImage(
      content,
    );
    return true;
  } catch {
    return false;
  }
}

/** The clinic's letterhead and identifiers: every staff role reads, owners and admins change. */
export function clinicProfileRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organization/profile',
      {
        config: { auth: 'staff', permission: 'organization.read' },
        schema: { tags, summary: "The clinic's profile (letterhead)", response: { 200: profileView } },
      },
      async (req) => {
        const actor = requireActor(req);
        return tenancy.run(actor.organizationId, auditActor(actor), (tx) =>
          getClinicProfile(tx.db, actor.organizationId),
        );
      },
    );

    app.put(
      '/api/organization/profile',
      {
        config: { auth: 'staff', permission: 'organization.profile' },
        schema: {
          tags,
          summary: "Change the clinic's profile (owner, admin)",
          body: clinicProfileSchema,
          response: { 200: profileView },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const b = req.body;
        return tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          const before = await getClinicProfile(tx.db, actor.organizationId);
          await saveClinicProfile(tx.db, actor.organizationId, actor.userId, {
            legalName: b.legalName,
            locations: b.locations,
            phone: b.phone ?? null,
            fax: b.fax ?? null,
            npi: b.npi ?? null,
            taxId: b.taxId ?? null,
            units: b.units,
          });
          const after = await getClinicProfile(tx.db, actor.organizationId);
          tx.audit({
            action: 'organization.profile.update',
            resourceType: 'organization',
            resourceId: actor.organizationId,
            detail: { before: { ...before, logo: undefined }, after: { ...after, logo: undefined } },
          });
          return after;
        });
      },
    );

    app.put(
      '/api/organization/profile/logo',
      {
        config: { auth: 'staff', permission: 'organization.profile' },
        bodyLimit: 1024 * 1024,
        schema: {
          tags,
          summary: "Upload the clinic's logo, PNG or JPEG (owner, admin)",
          body: logoBody,
          response: { 200: profileView },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const content = Buffer.from(req.body.dataBase64, 'base64');
        if (content.length > MAX_LOGO_BYTES)
          throw new Invalid([{ field: 'dataBase64', message: 'The logo must be at most 512 KiB.' }]);
        const problem =
          (await uploadProblem(content, req.body.mediaType)) ??
          ((await drawable(content)) ? undefined : 'the PDF library cannot draw it');
        if (problem)
          throw new Invalid([
            {
              field: 'dataBase64',
              message: `The file is not an acceptable ${req.body.mediaType} image: ${problem}.`,
            },
          ]);
        return tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          const sha256 = createHash('sha256').update(content).digest('hex');
          const saved = await setClinicLogo(tx.db, actor.organizationId, actor.userId, {
            content,
            mediaType: req.body.mediaType,
            sha256,
          });
          if (!saved)
            throw new Invalid([
              { field: 'legalName', message: 'Save the clinic profile before adding a logo.' },
            ]);
          tx.audit({
            action: 'organization.profile.logo',
            resourceType: 'organization',
            resourceId: actor.organizationId,
            detail: { sha256, sizeBytes: content.length },
          });
          return getClinicProfile(tx.db, actor.organizationId);
        });
      },
    );

    app.get(
      '/api/organization/profile/logo',
      {
        config: { auth: 'staff', permission: 'organization.read' },
        schema: { tags, summary: "The clinic's logo image" },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const logo = await tenancy.run(actor.organizationId, auditActor(actor), (tx) =>
          getClinicLogo(tx.db, actor.organizationId),
        );
        if (!logo?.logo || !logo.logo_media_type) throw new NotFound('The logo');
        return reply
          .type(logo.logo_media_type)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(logo.logo);
      },
    );
  };
}
