import { randomUUID } from 'node:crypto';
import type { Role } from '@fascia/domain/access/permissions';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditKeyring } from '../../platform/audit-keys.ts';
import { hashPassword } from '../../platform/auth/credentials.ts';
import { Tenancy } from '../../platform/tenancy.ts';

export interface NewClinic {
  name: string;
  requireMfa: boolean;
  idleMinutes: number;
  isDemo?: boolean;
  staff: Array<{
    email: string;
    name: string;
    role: Role;
    password: string;
    /** Printed with the name on what they sign; signing needs them. */
    credentials?: string;
    licenseNumber?: string;
  }>;
}

/**
 * Creates a clinic and its first staff. Runs as the database owner (creating a tenant is not
 * something a request can do); the clinic's audit trail starts with its own creation, signed with
 * the audit key like every later row.
 */
export async function createClinic(
  ownerDb: Kysely<Database>,
  clinic: NewClinic,
  auditKeys: AuditKeyring | null = null,
) {
  const organizationId = randomUUID();
  const hashes = await Promise.all(clinic.staff.map((s) => hashPassword(s.password)));
  return new Tenancy(ownerDb, 'sync', auditKeys).run(organizationId, { email: 'system' }, async (tx) => {
    await tx.db
      .insertInto('organizations')
      .values({
        id: organizationId,
        name: clinic.name,
        require_mfa: clinic.requireMfa,
        idle_timeout_minutes: clinic.idleMinutes,
        is_demo: clinic.isDemo ?? false,
      })
      .execute();
    const users = await tx.db
      .insertInto('users')
      .values(
        clinic.staff.map((s, i) => ({
          organization_id: organizationId,
          email: s.email.toLowerCase(),
          name: s.name,
          role: s.role,
          password_hash: hashes[i] as string,
          credentials: s.credentials ?? null,
          license_number: s.licenseNumber ?? null,
        })),
      )
      .returning(['id', 'email', 'role'])
      .execute();
    tx.audit({
      action: 'organization.create',
      resourceType: 'organization',
      resourceId: organizationId,
      detail: { name: clinic.name },
    });
    for (const u of users) {
      tx.audit({
        action: 'staff.create',
        resourceType: 'user',
        resourceId: u.id,
        detail: { email: u.email, role: u.role },
      });
    }
    return { organizationId, users };
  });
}

export const DEMO_PASSWORD = 'willow-harbour-lantern-47';
export const DEMO_STAFF = [
  {
    email: 'owner@demo.fascia.example',
    name: 'Demo Owner',
    role: 'owner' as const,
    credentials: 'LMT',
    licenseNumber: 'DEMO-MT-1001',
  },
  {
    email: 'therapist@demo.fascia.example',
    name: 'Demo Therapist',
    role: 'therapist' as const,
    credentials: 'LMT',
    licenseNumber: 'DEMO-MT-1002',
  },
  { email: 'frontdesk@demo.fascia.example', name: 'Demo Front Desk', role: 'front_desk' as const },
  { email: 'biller@demo.fascia.example', name: 'Demo Biller', role: 'biller' as const },
];

/** On the first start only: a demo clinic without required two-factor, so a newcomer can look around. */
export async function ensureDemoClinic(
  ownerDb: Kysely<Database>,
  idleMinutes: number,
  auditKeys: AuditKeyring | null = null,
): Promise<boolean> {
  const marker = await ownerDb
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'demo_clinic')
    .executeTakeFirst();
  if (marker) return false;
  const { organizationId } = await createClinic(
    ownerDb,
    {
      name: 'Demo Massage Clinic',
      requireMfa: false,
      idleMinutes,
      isDemo: true,
      staff: DEMO_STAFF.map((s) => ({ ...s, password: DEMO_PASSWORD })),
    },
    auditKeys,
  );
  await ownerDb
    .insertInto('instance_settings')
    .values({ key: 'demo_clinic', value: JSON.stringify({ organizationId }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return true;
}
