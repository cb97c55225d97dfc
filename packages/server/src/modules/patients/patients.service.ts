import { can } from '@fascia/domain/access/permissions';
import type { coverageSchema, patientSchema } from '@fascia/domain/patients/patient.schema';
import { patientAlerts } from '@fascia/domain/patients/patient-alerts';
import type { z } from 'zod';
import { mayInClinic } from '../../platform/clinic-access.ts';
import { Conflict, ForbiddenField, Invalid, NotFound } from '../../platform/errors.ts';
import {
  assertPatientExists,
  canReadClinical,
  clinicDay,
  patientAccess,
} from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx } from '../../platform/tenancy.ts';
import { loadHealthHistory } from '../health-history/health-history.repo.ts';
import * as repo from './patients.repo.ts';
import type { PatientListQuery, PatientView } from './patients.schemas.ts';

type PatientRecord = z.infer<typeof patientSchema>;
type Coverage = z.infer<typeof coverageSchema>;

export class PatientsService {
  constructor(private readonly tenancy: Tenancy) {}

  list(actor: Actor, query: PatientListQuery) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const { rows, ranked } = await repo.listPatients(tx.db, query);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      tx.audit({
        action: 'patient.search',
        resourceType: 'patient',
        detail: { q: query.q ?? null, dateOfBirth: query.dateOfBirth ?? null, results: page.length },
      });
      return {
        items: page.map((r) => summary(r.id, r.data as PatientRecord)),
        nextCursor:
          !ranked && rows.length > query.limit && last
            ? repo.encodeCursor({ f: last.family_name, g: last.given_name, i: last.id })
            : null,
      };
    });
  }

  create(actor: Actor, record: PatientRecord, careTeam: string[] = []) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const row = await repo.insertPatient(tx.db, actor.organizationId, record, actor.userId);
      const team = actor.role === 'therapist' ? [...new Set([...careTeam, actor.userId])] : careTeam;
      await this.assignCareTeam(tx, row.id, team);
      tx.audit({ action: 'patient.create', patientId: row.id, resourceType: 'patient', resourceId: row.id });
      return this.view(tx, actor, row.id);
    });
  }

  get(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const view = await this.view(tx, actor, patientId);
      tx.audit({ action: 'patient.read', patientId, resourceType: 'patient', resourceId: patientId });
      return view;
    });
  }

  /**
   * Demographics and consents. A careTeam in the body is accepted as it stands; changing it needs
   * patients.care_team.manage (finding 3: a therapist could add themselves and read the chart), and
   * without it the whole update is refused before anything is written.
   */
  update(
    actor: Actor,
    patientId: string,
    record: PatientRecord,
    version: number | undefined,
    careTeam?: string[],
  ) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertPatientExists(tx.db, patientId);
      const change = careTeam ? await this.careTeamChange(tx, patientId, careTeam) : undefined;
      if (change && !(await mayInClinic(tx.db, actor, 'patients.care_team.manage')))
        throw new ForbiddenField('careTeam', 'Your role cannot change this patient’s care team.');
      const row = await repo.updatePatient(tx.db, patientId, record, version);
      if (!row)
        throw new Conflict(
          'Someone else changed this patient since you opened it; reload and apply your change again.',
        );
      if (careTeam && change) await this.applyCareTeam(tx, patientId, careTeam, change);
      tx.audit({
        action: 'patient.update',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
        detail: { version: row.version },
      });
      return this.view(tx, actor, patientId);
    });
  }

  /** The care team on its own (PUT /api/patients/:id/care-team); the route checked the permission. */
  setCareTeam(actor: Actor, patientId: string, careTeam: string[]) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertPatientExists(tx.db, patientId);
      const change = await this.careTeamChange(tx, patientId, careTeam);
      if (change) await this.applyCareTeam(tx, patientId, careTeam, change);
      return this.view(tx, actor, patientId);
    });
  }

  /** Who would join and leave; undefined when the team stays as it is. */
  private async careTeamChange(tx: TenantTx, patientId: string, wanted: string[]) {
    const current = (await repo.careTeamOf(tx.db, patientId)).map((m) => m.id);
    const next = new Set(wanted);
    const added = [...next].filter((id) => !current.includes(id));
    const removed = current.filter((id) => !next.has(id));
    return added.length || removed.length ? { added, removed } : undefined;
  }

  private async applyCareTeam(
    tx: TenantTx,
    patientId: string,
    careTeam: string[],
    change: { added: string[]; removed: string[] },
  ) {
    await this.assignCareTeam(tx, patientId, careTeam);
    tx.audit({
      action: 'patient.care_team.update',
      patientId,
      resourceType: 'patient',
      resourceId: patientId,
      detail: change,
    });
  }

  listCoverages(actor: Actor, patientId: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertPatientExists(tx.db, patientId);
      const rows = await repo.listCoverages(tx.db, patientId);
      tx.audit({
        action: 'patient.coverage.read',
        patientId,
        resourceType: 'patient',
        resourceId: patientId,
      });
      return rows.map((r) => ({ id: r.id, coverage: r.data as Coverage }));
    });
  }

  saveCoverage(actor: Actor, patientId: string, coverage: Coverage, coverageId?: string) {
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await assertPatientExists(tx.db, patientId);
      const others = (await repo.listCoverages(tx.db, patientId)).filter((c) => c.id !== coverageId);
      if (others.some((c) => (c.data as Coverage).order === coverage.order)) {
        throw new Invalid([
          { field: 'order', message: `The patient already has a ${coverage.order} coverage.` },
        ]);
      }
      const row = coverageId
        ? await repo.updateCoverage(tx.db, patientId, coverageId, coverage)
        : await repo.insertCoverage(tx.db, actor.organizationId, patientId, coverage);
      if (!row) throw new NotFound('The coverage');
      tx.audit({
        action: coverageId ? 'patient.coverage.update' : 'patient.coverage.add',
        patientId,
        resourceType: 'coverage',
        resourceId: row.id,
      });
      return { id: row.id, coverage: row.data as Coverage };
    });
  }

  private async assignCareTeam(tx: TenantTx, patientId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    const therapists = await repo.activeTherapists(tx.db, unique);
    const missing = unique.filter((id) => !therapists.includes(id));
    if (missing.length) {
      throw new Invalid(
        missing.map((id) => ({
          field: 'careTeam',
          message: `${id} is not an active therapist of this clinic`,
        })),
      );
    }
    await repo.setCareTeam(tx.db, tx.organizationId, patientId, therapists);
  }

  /** The chart header: demographics always; alerts for staff who may read this patient's record. */
  private async view(tx: TenantTx, actor: Actor, patientId: string): Promise<PatientView> {
    const row = await repo.getPatient(tx.db, patientId);
    if (!row) throw new NotFound('The patient');
    const team = await repo.careTeamOf(tx.db, patientId);
    // The care team is already loaded: membership is read from it rather than queried again; only
    // a therapist off the team asks whether an emergency-access grant lets them see the alerts.
    const clinical =
      canReadClinical(actor) &&
      (can(actor.role, 'clinical.read_all') ||
        team.some((member) => member.id === actor.userId) ||
        (can(actor.role, 'clinical.emergency_access') &&
          Boolean((await patientAccess(tx.db, actor, patientId))?.clinical)));
    let alerts: PatientView['alerts'];
    if (clinical) {
      alerts = patientAlerts(await loadHealthHistory(tx.db, patientId), await clinicDay(tx.db, actor));
    }
    return {
      id: row.id,
      version: row.version,
      record: row.data as PatientRecord,
      careTeam: team.map((t) => ({ id: t.id, displayName: t.name })),
      ...(alerts ? { alerts } : {}),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}

function summary(id: string, r: PatientRecord) {
  return {
    id,
    legalName: r.legalName,
    ...(r.preferredName ? { preferredName: r.preferredName } : {}),
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    ...(r.phone ? { phone: r.phone } : {}),
  };
}
