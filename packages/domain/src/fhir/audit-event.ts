/**
 * A row of the audit trail as a FHIR AuditEvent. The action name Fascia records (patient.read,
 * auth.sign_in, fhir.export …) is kept as the subtype; the row's chain hash goes with it so a
 * receiver can check the copy against `fascia audit verify`.
 */
import type { AuditEvent } from '@medplum/fhirtypes';
import { coding, compact, fasciaSystem, meta, ref, SYSTEM } from './common.ts';

export interface AuditRow {
  id: string;
  organizationId: string;
  seq: string;
  occurredAt: Date | string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  patientId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
  detail: unknown;
  hash: string;
}

/** C/R/U/D/E from the verb Fascia's action names end with. */
export function auditAction(action: string): AuditEvent['action'] {
  const verb = action.split('.').pop() ?? '';
  if (/^(create|add|attach|import|invite)/.test(verb) || verb === 'sign') return 'C';
  if (/^(read|list|search|everything|download|export|comparison)/.test(verb)) return 'R';
  if (/^(update|change|retire|revoke|override)/.test(verb)) return 'U';
  if (/^(delete|remove)/.test(verb)) return 'D';
  return 'E';
}

const OUTCOME = { success: '0', failure: '8', denied: '4' } as const;

export function toFhirAuditEvent(row: AuditRow): AuditEvent {
  const type = row.action.startsWith('auth.')
    ? coding(SYSTEM.dicom, '110114', 'User Authentication')
    : row.patientId
      ? coding(SYSTEM.dicom, '110110', 'Patient Record')
      : coding(SYSTEM.auditEventType, 'rest', 'RESTful Operation');
  return compact<AuditEvent>({
    resourceType: 'AuditEvent',
    id: row.id,
    meta: meta(row.occurredAt),
    type,
    subtype: [coding(fasciaSystem('audit-action'), row.action)],
    action: auditAction(row.action),
    recorded: new Date(row.occurredAt).toISOString(),
    outcome: OUTCOME[row.outcome],
    outcomeDesc: row.outcome === 'success' ? undefined : row.outcome,
    agent: [
      compact({
        who: row.actorId
          ? { ...ref('Practitioner', row.actorId), ...(row.actorEmail ? { display: row.actorEmail } : {}) }
          : { display: row.actorEmail ?? 'system' },
        requestor: true,
        network: row.ip ? { address: row.ip, type: '2' as const } : undefined,
      }),
    ],
    source: { observer: ref('Organization', row.organizationId), site: 'Fascia' },
    entity: [
      ...(row.patientId ? [{ what: ref('Patient', row.patientId), name: 'patient' }] : []),
      ...(row.resourceType
        ? [
            {
              what: { display: `${row.resourceType}/${row.resourceId ?? ''}` },
              name: row.resourceType,
            },
          ]
        : []),
      {
        what: { display: `audit_events seq ${row.seq}` },
        name: 'audit-record',
        detail: [
          { type: 'hash', valueString: row.hash },
          { type: 'detail', valueString: JSON.stringify(row.detail ?? {}) },
        ],
      },
    ],
  });
}
