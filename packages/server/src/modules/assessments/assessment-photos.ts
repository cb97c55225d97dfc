import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid, NotFound, SafetyBlock } from '../../platform/errors.ts';
import { uploadProblem } from '../../platform/file-types.ts';
import { assertClinicalAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';

const MAX_BYTES = 8 * 1024 * 1024;

/** Posture photos of an assessment: added to a draft, read with the assessment, never altered. */
export class AssessmentPhotos {
  constructor(private readonly tenancy: Tenancy) {}

  async add(
    actor: Actor,
    assessmentId: string,
    input: { caption?: string | undefined; mediaType: 'image/jpeg' | 'image/png'; dataBase64: string },
  ) {
    const content = Buffer.from(input.dataBase64, 'base64');
    if (content.length === 0 || content.length > MAX_BYTES)
      throw new Invalid([{ field: 'dataBase64', message: 'A photo must be between 1 byte and 8 MB.' }]);
    const problem = await uploadProblem(content, input.mediaType);
    if (problem)
      throw new Invalid([
        { field: 'dataBase64', message: `This is not a well-formed ${input.mediaType} photo: ${problem}.` },
      ]);
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const a = await tx.db
        .selectFrom('assessments')
        .select(['patient_id', 'status'])
        .where('id', '=', assessmentId)
        .executeTakeFirst();
      if (!a) throw new NotFound('The assessment');
      await assertClinicalAccess(tx.db, actor, a.patient_id);
      if (a.status === 'signed')
        throw new SafetyBlock('This assessment is signed; photos can only be added to a draft.');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const row = await tx.db
        .insertInto('assessment_photos')
        .values({
          organization_id: actor.organizationId,
          assessment_id: assessmentId,
          caption: input.caption ?? null,
          media_type: input.mediaType,
          sha256,
          size_bytes: content.length,
          content,
          uploaded_by: actor.userId,
        })
        .returning(['id', 'uploaded_at'])
        .executeTakeFirstOrThrow();
      tx.audit({
        action: 'patient.assessment.photo_add',
        patientId: a.patient_id,
        resourceType: 'assessment',
        resourceId: assessmentId,
        detail: { photoId: row.id, sha256 },
      });
      return {
        id: row.id,
        caption: input.caption ?? null,
        mediaType: input.mediaType,
        sha256,
        sizeBytes: content.length,
        uploadedAt: new Date(row.uploaded_at).toISOString(),
      };
    });
  }

  list(actor: Actor, assessmentId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const a = await tx.db
        .selectFrom('assessments')
        .select('patient_id')
        .where('id', '=', assessmentId)
        .executeTakeFirst();
      if (!a) throw new NotFound('The assessment');
      await assertClinicalAccess(tx.db, actor, a.patient_id);
      const rows = await tx.db
        .selectFrom('assessment_photos')
        .select(['id', 'caption', 'media_type', 'sha256', 'size_bytes', 'uploaded_at'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('uploaded_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        caption: r.caption,
        mediaType: r.media_type as 'image/jpeg' | 'image/png',
        sha256: r.sha256,
        sizeBytes: r.size_bytes,
        uploadedAt: new Date(r.uploaded_at).toISOString(),
      }));
    });
  }

  read(actor: Actor, assessmentId: string, photoId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const photo = await tx.db
        .selectFrom('assessment_photos as p')
        .innerJoin('assessments as a', 'a.id', 'p.assessment_id')
        .select(['p.content', 'p.media_type', 'a.patient_id'])
        .where('p.id', '=', photoId)
        .where('p.assessment_id', '=', assessmentId)
        .executeTakeFirst();
      if (!photo) throw new NotFound('The photo');
      await assertClinicalAccess(tx.db, actor, photo.patient_id);
      tx.audit({
        action: 'patient.assessment.photo_read',
        patientId: photo.patient_id,
        resourceType: 'assessment',
        resourceId: assessmentId,
        detail: { photoId },
      });
      return photo;
    });
  }
}

const photoView = z.object({
  id: z.uuid(),
  caption: z.string().nullable(),
  mediaType: z.enum(['image/jpeg', 'image/png']),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

export function assessmentPhotoRoutes(photos: AssessmentPhotos): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assessments'];
    app.post(
      '/api/assessments/:id/photos',
      {
        bodyLimit: 12 * 1024 * 1024,
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Add a posture photo to a draft assessment',
          params: z.object({ id: z.uuid() }),
          body: z.object({
            caption: z.string().trim().max(200).optional(),
            mediaType: z.enum(['image/jpeg', 'image/png']),
            dataBase64: z.string().min(8).max(11_500_000),
          }),
          response: { 201: photoView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await photos.add(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/api/assessments/:id/photos',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "An assessment's photos",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ items: z.array(photoView) }) },
        },
      },
      async (req) => ({ items: await photos.list(requireActor(req), req.params.id) }),
    );
    app.get(
      '/api/assessments/:id/photos/:photoId',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: 'One photo (image bytes)',
          params: z.object({ id: z.uuid(), photoId: z.uuid() }),
        },
      },
      async (req, reply) => {
        const photo = await photos.read(requireActor(req), req.params.id, req.params.photoId);
        return reply.type(photo.media_type).header('cache-control', 'private, no-store').send(photo.content);
      },
    );
  };
}
