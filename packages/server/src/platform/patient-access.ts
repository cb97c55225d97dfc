import { can } from '@fascia/domain/access/permissions';
import { sql } from 'kysely';
import { NotFound } from './errors.ts';
import type { Actor } from './request-auth.ts';
import { type Tx, tagPatientAudit } from './tenancy.ts';

/**
 * Clinical records (health history, screenings, notes) are read by owners and admins for every
 * patient, and by a therapist for the patients on whose care team they are. Anyone else asking is
 * told the patient was not found, exactly as for another clinic's patient, so nothing leaks.
 */
export async function assertPatientExists(tx: Tx, patientId: string): Promise<void> {
  const found = await tx.selectFrom('patients').select('id').where('id', '=', patientId).executeTakeFirst();
  if (!found) throw new NotFound('The patient');
}

/**
 * Whether the patient exists in this clinic and whether this actor may read their clinical record,
 * in one statement; undefined when there is no such patient. A therapist off the care team reads
 * it while an unexpired emergency-access grant of theirs stands ("break the glass",
 * emergency-access.service.ts); then every audit event of the request about this patient carries
 * detail.breakGlass = the grant's id, so the owner reviews exactly what was opened under it.
 */
export async function patientAccess(
  tx: Tx,
  actor: Actor,
  patientId: string,
): Promise<{ clinical: boolean; emergencyGrantId?: string } | undefined> {
  const everyChart = can(actor.role, 'clinical.read_all');
  const mayBreakGlass = !everyChart && can(actor.role, 'clinical.emergency_access');
  const found = await tx
    .selectFrom('patients as p')
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('patient_care_team as t')
            .select('t.user_id')
            .where('t.organization_id', '=', actor.organizationId)
            .whereRef('t.patient_id', '=', 'p.id')
            .where('t.user_id', '=', actor.userId),
        )
        .as('on_team'),
      mayBreakGlass
        ? eb
            .selectFrom('emergency_access_grants as g')
            .select('g.id')
            .where('g.organization_id', '=', actor.organizationId)
            .whereRef('g.patient_id', '=', 'p.id')
            .where('g.user_id', '=', actor.userId)
            .where('g.expires_at', '>', sql<Date>`now()`)
            .orderBy('g.expires_at', 'desc')
            .limit(1)
            .as('grant_id')
        : sql<string | null>`NULL::uuid`.as('grant_id'),
    ])
    .where('p.organization_id', '=', actor.organizationId)
    .where('p.id', '=', patientId)
    .executeTakeFirst();
  if (!found) return undefined;
  const onTeam = can(actor.role, 'clinical.read_own') && Boolean(found.on_team);
  if (everyChart || onTeam) return { clinical: true };
  if (found.grant_id) {
    tagPatientAudit(tx, patientId, { breakGlass: found.grant_id });
    return { clinical: true, emergencyGrantId: found.grant_id };
  }
  return { clinical: false };
}

export async function assertClinicalAccess(tx: Tx, actor: Actor, patientId: string): Promise<void> {
  if (!canReadClinical(actor)) throw new NotFound('The patient');
  if (!(await patientAccess(tx, actor, patientId))?.clinical) throw new NotFound('The patient');
}

/**
 * Generated documents (progress reports, summaries, visit notes as sent out) are read by those who
 * read the chart, and by billers, whose role holds `reports.read`: payers ask for them with claims
 * and appeals. For a biller the patient need only be the clinic's; every read is audited as usual.
 */
export async function assertDocumentAccess(tx: Tx, actor: Actor, patientId: string): Promise<void> {
  if (canReadClinical(actor)) return assertClinicalAccess(tx, actor, patientId);
  if (!can(actor.role, 'reports.read') || !(await patientAccess(tx, actor, patientId)))
    throw new NotFound('The patient');
}

export function canReadClinical(actor: Pick<Actor, 'role'>): boolean {
  return can(actor.role, 'clinical.read_all') || can(actor.role, 'clinical.read_own');
}

/** The clinic's calendar day for this actor, from the session when it brought the time zone. */
export async function clinicDay(tx: Tx, actor: Pick<Actor, 'organization'>): Promise<string> {
  const known = actor.organization.timeZone;
  if (known) return clinicToday(known);
  const org = await tx.selectFrom('organizations').select('time_zone').executeTakeFirstOrThrow();
  return clinicToday(org.time_zone);
}

/** Building a formatter costs far more than formatting (it showed in request profiles): one per zone. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The clinic's calendar day now, in its own time zone (screenings and referrals run on dates). */
export function clinicToday(timeZone: string, now = new Date()): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, format);
  }
  return format.format(now);
}
