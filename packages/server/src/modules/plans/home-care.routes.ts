import {
  type CustomHomeCareItem,
  clinicHomeCareLibrary,
  customHomeCareItemSchema,
  HOME_CARE_LIBRARY,
} from '@fascia/domain/plans/home-care';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid } from '../../platform/errors.ts';
import { auditActor, requireActor } from '../../platform/request-auth.ts';
import type { Tenancy, Tx } from '../../platform/tenancy.ts';

/** The built-in home-care library followed by the clinic's own items. */
export async function clinicLibrary(tx: Tx) {
  const rows = await tx.selectFrom('clinic_home_care_items').select('data').orderBy('created_at').execute();
  return clinicHomeCareLibrary(rows.map((r) => r.data as CustomHomeCareItem));
}

const item = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  instructions: z.string(),
  regions: z.array(z.string()),
  dose: z.record(z.string(), z.number()),
  cautionTags: z.array(z.string()).optional(),
  builtIn: z.boolean(),
});

export function homeCareRoutes(tenancy: Tenancy): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['plans of care'];
    app.get(
      '/api/home-care',
      {
        config: { auth: 'staff', permission: 'clinical.read_own' },
        schema: {
          tags,
          summary: "The home-care library: built-in items and the clinic's own",
          response: { 200: z.object({ items: z.array(item) }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const builtIn = new Set(HOME_CARE_LIBRARY.map((i) => i.id));
        const library = await tenancy.run(actor.organizationId, auditActor(actor), (tx) =>
          clinicLibrary(tx.db),
        );
        return {
          items: library.map((i) => ({
            id: i.id,
            kind: i.kind,
            label: i.label,
            instructions: i.instructions,
            regions: [...i.regions],
            dose: { ...i.dose } as Record<string, number>,
            cautionTags: [...(i.cautionTags ?? [])],
            builtIn: builtIn.has(i.id),
          })),
        };
      },
    );
    app.post(
      '/api/home-care',
      {
        config: { auth: 'staff', permission: 'clinical.write' },
        schema: {
          tags,
          summary: 'Add a home-care item to the clinic\'s library (id "clinic.…")',
          body: customHomeCareItemSchema,
          response: { 201: item },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
          if ((await clinicLibrary(tx.db)).some((i) => i.id === req.body.id)) {
            throw new Invalid([{ field: 'id', message: 'An item with this id is already in the library.' }]);
          }
          await tx.db
            .insertInto('clinic_home_care_items')
            .values({
              organization_id: actor.organizationId,
              item_id: req.body.id,
              data: JSON.stringify(req.body),
              created_by: actor.userId,
            })
            .execute();
          tx.audit({ action: 'home_care.add', resourceType: 'home_care_item', resourceId: req.body.id });
        });
        return reply
          .status(201)
          .send({ ...req.body, dose: { ...req.body.dose } as Record<string, number>, builtIn: false });
      },
    );
  };
}
