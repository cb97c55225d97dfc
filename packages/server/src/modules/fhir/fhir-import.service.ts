import type { IssueCode } from '@fascia/domain/fhir/bundle';
import { type ImportIssue, parseReferralBundle } from '@fascia/domain/fhir/import-referral';
import { toFhirServiceRequest } from '@fascia/domain/fhir/service-request';
import { providerDisplayName } from '@fascia/domain/referrals/provider.schema';
import type { ServiceRequest } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy } from '../../platform/tenancy.ts';
import { insertPatient, setCareTeam } from '../patients/patients.repo.ts';
import { findProviderByNpi, insertReferral, saveProvider } from '../referrals/referrals.repo.ts';

/** A refusal that names its problems element by element; the FHIR routes answer it as an OperationOutcome. */
export class FhirIssues extends AppError {
  readonly type = 'https://fascia.dev/problems/fhir';
  readonly title = 'FHIR request refused';
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    readonly issues: ImportIssue[],
  ) {
    super(issues.map((i) => `${i.expression}: ${i.message}`).join('; '));
  }
}

/** The first JSON null, as a FHIRPath-like location (`Bundle.entry[0].resource.reasonCode[0]`). */
function firstNull(value: unknown, at: string): string | undefined {
  const stack: { value: unknown; at: string }[] = [{ value, at }];
  while (stack.length) {
    const item = stack.pop() as (typeof stack)[number];
    if (item.value === null) return item.at;
    if (Array.isArray(item.value)) {
      for (const [i, v] of item.value.entries()) stack.push({ value: v, at: `${item.at}[${i}]` });
    } else if (typeof item.value === 'object')
      for (const [k, v] of Object.entries(item.value as object))
        stack.push({ value: v, at: `${item.at}.${k}` });
  }
  return undefined;
}

/**
 * The bundle comes from another system, so its shape is not trusted: FHIR JSON has no nulls (R4
 * §2.6.2), and an element of another shape than R4 gives it (an object for an array) or out of any
 * range (a duration of 2^31 weeks) makes the reader fail on it. Both are the sender's error, answered as an OperationOutcome.
 */
function readUntrustedBundle(body: unknown) {
  const nullAt = firstNull(body, 'Bundle');
  if (nullAt) {
    throw new FhirIssues(422, 'structure', [
      { expression: nullAt, message: 'FHIR JSON has no null values; leave the element out.' },
    ]);
  }
  try {
    return parseReferralBundle(body);
  } catch (err) {
    // A TypeError: an element of another shape; a RangeError: a value no date can hold (a period of 2^31 weeks).
    if (!(err instanceof TypeError || err instanceof RangeError)) throw err;
    throw new FhirIssues(422, 'structure', [
      {
        expression: 'Bundle',
        message: 'An element does not have the shape or range FHIR R4 defines for it.',
      },
    ]);
  }
}

export interface ImportOutcome {
  created: { patient: boolean; provider: boolean };
  serviceRequest: ServiceRequest;
}

/**
 * A referral from another system: the patient is matched on name and birth date or registered, the
 * physician matched on NPI or added to the directory, and the referral created — all in one
 * transaction, so a refusal at any step leaves nothing behind. Imports of one clinic are
 * serialised so two copies of the same bundle sent together cannot both pass the duplicate check.
 */
export class FhirImportService {
  constructor(private readonly tenancy: Tenancy) {}

  importReferral(actor: Actor, body: unknown): Promise<ImportOutcome> {
    const parsed = readUntrustedBundle(body);
    if (!parsed.ok) throw new FhirIssues(422, 'invalid', parsed.issues);
    const { patient, provider, referral } = parsed.value;
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`fhir-import:${actor.organizationId}`}, 0))`.execute(
        tx.db,
      );
      const matches = await tx.db
        .selectFrom('patients')
        .select('id')
        .where('date_of_birth', '=', patient.dateOfBirth)
        .where(sql`lower(family_name)`, '=', patient.legalName.family.toLowerCase())
        .where(sql`lower(given_name)`, '=', patient.legalName.given.toLowerCase())
        .limit(2)
        .execute();
      if (matches.length > 1) {
        throw new FhirIssues(409, 'multiple-matches', [
          {
            expression: 'Patient',
            message: 'More than one patient has this name and birth date; enter the referral in the chart.',
          },
        ]);
      }
      let patientId = matches[0]?.id;
      const patientCreated = patientId === undefined;
      if (!patientId) {
        patientId = (await insertPatient(tx.db, actor.organizationId, patient, actor.userId)).id;
        if (actor.role === 'therapist')
          await setCareTeam(tx.db, actor.organizationId, patientId, [actor.userId]);
        tx.audit({
          action: 'patient.create',
          patientId,
          resourceType: 'patient',
          resourceId: patientId,
          detail: { via: 'fhir.import' },
        });
      }
      let providerId = (await findProviderByNpi(tx.db, provider.npi))?.id;
      const providerCreated = providerId === undefined;
      if (!providerId) {
        const row = await saveProvider(tx.db, actor.organizationId, {
          npi: provider.npi,
          displayName: providerDisplayName(provider),
          data: provider,
        });
        providerId = row?.id as string;
        tx.audit({
          action: 'provider.create',
          resourceType: 'referring_provider',
          resourceId: providerId,
          detail: { npi: provider.npi },
        });
      }
      const duplicate = await tx.db
        .selectFrom('referrals')
        .select(['id', 'data'])
        .where('patient_id', '=', patientId)
        .where('provider_id', '=', providerId)
        .where(sql`data->>'dateWritten'`, '=', referral.dateWritten)
        .execute();
      const sameDiagnoses = (data: unknown) =>
        [...((data as { diagnoses?: string[] }).diagnoses ?? [])].sort().join() ===
        [...referral.diagnoses].sort().join();
      const existing = duplicate.find((d) => sameDiagnoses(d.data));
      if (existing) {
        throw new FhirIssues(409, 'duplicate', [
          {
            expression: 'ServiceRequest',
            message: `This referral is already in the chart (ServiceRequest/${existing.id}).`,
          },
        ]);
      }
      const data = { ...referral, providerId };
      const { id } = await insertReferral(tx.db, {
        organizationId: actor.organizationId,
        patientId,
        providerId,
        validFrom: referral.validFrom,
        validUntil: referral.validUntil,
        data,
        createdBy: actor.userId,
      });
      tx.audit({
        action: 'fhir.import',
        patientId,
        resourceType: 'referral',
        resourceId: id,
        detail: { patientCreated, providerCreated, npi: provider.npi, diagnoses: referral.diagnoses },
      });
      return {
        created: { patient: patientCreated, provider: providerCreated },
        serviceRequest: toFhirServiceRequest({
          id,
          patientId,
          providerId,
          providerNpi: provider.npi,
          providerName: providerDisplayName(provider),
          referral,
          status: 'active',
          updatedAt: new Date(),
        }),
      };
    });
  }
}
