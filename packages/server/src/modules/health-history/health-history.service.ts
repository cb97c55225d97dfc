import {
  allergySchema,
  conditionSchema,
  implantedDeviceSchema,
  injurySchema,
  labValueSchema,
  medicationSchema,
  pregnancySchema,
  radiationTherapySchema,
  surgerySchema,
} from '@fascia/domain/patients/health-history.schema';
import type { z } from 'zod';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { assertClinicalAccess } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import * as repo from './health-history.repo.ts';

const ITEM_SCHEMAS: Record<repo.HistoryKind, z.ZodType> = {
  conditions: conditionSchema,
  surgeries: surgerySchema,
  injuries: injurySchema,
  medications: medicationSchema,
  allergies: allergySchema,
  pregnancy: pregnancySchema,
  devices: implantedDeviceSchema,
  labs: labValueSchema,
  radiation: radiationTherapySchema,
};

/**
 * The health history editor's writes. The server stamps each item with when and by whom it was
 * recorded, validates it with the same domain schema the form uses (field errors come back under
 * `item.<field>`), and never overwrites: a change retires the old item and records the new one.
 */
export class HealthHistoryService {
  constructor(private readonly tenancy: Tenancy) {}

  read(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const rows = await repo.activeItems(tx.db, patientId);
      tx.audit({ action: 'patient.history.read', patientId, resourceType: 'patient', resourceId: patientId });
      return {
        history: repo.toHealthHistory(rows),
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          recordedAt: new Date(r.recorded_at).toISOString(),
          recordedBy: r.recorded_by,
        })),
      };
    });
  }

  record(
    actor: Actor,
    patientId: string,
    kind: repo.HistoryKind,
    item: Record<string, unknown>,
    replacesId?: string,
  ) {
    const recordedAt = new Date();
    const stamped = {
      ...item,
      id: undefined,
      recordedAt: recordedAt.toISOString(),
      recordedBy: actor.userId,
    };
    const parsed = ITEM_SCHEMAS[kind].safeParse(stamped);
    if (!parsed.success) {
      throw new Invalid(
        parsed.error.issues.map((i) => ({
          field: ['item', ...i.path.map(String)].join('.'),
          message: i.message,
        })),
      );
    }
    const data = { ...(parsed.data as Record<string, unknown>) };
    delete data.id;
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      if (replacesId) {
        const old = await repo.getActiveItem(tx.db, patientId, replacesId);
        if (!old || old.kind !== kind) throw new NotFound('The history item');
        await repo.retireItem(tx.db, replacesId, actor.userId, 'corrected');
      } else if (kind === 'pregnancy') {
        await repo.retireKind(tx.db, patientId, 'pregnancy', actor.userId, 'superseded');
      }
      const row = await repo.insertItem(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        kind,
        data,
        recordedBy: actor.userId,
        recordedAt,
        ...(replacesId ? { replacesId } : {}),
      });
      tx.audit({
        action: replacesId ? 'patient.history.correct' : 'patient.history.add',
        patientId,
        resourceType: 'health_history_item',
        resourceId: row.id,
        detail: { kind, ...(replacesId ? { replaces: replacesId } : {}) },
      });
      return { id: row.id, kind, item: { ...data, id: row.id } };
    });
  }

  retire(actor: Actor, patientId: string, itemId: string, reason: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertClinicalAccess(tx.db, actor, patientId);
      const old = await repo.getActiveItem(tx.db, patientId, itemId);
      if (!old) throw new NotFound('The history item');
      await repo.retireItem(tx.db, itemId, actor.userId, reason);
      tx.audit({
        action: 'patient.history.retire',
        patientId,
        resourceType: 'health_history_item',
        resourceId: itemId,
        detail: { reason },
      });
    });
  }
}
