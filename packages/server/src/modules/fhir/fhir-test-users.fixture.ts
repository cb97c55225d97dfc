import { randomBytes } from 'node:crypto';
import type { Role } from '@fascia/domain/access/permissions';
import { signIn, TEST_PASSWORD, type TestContext } from '../../../test/harness.ts';
import { hashPassword } from '../../platform/auth/credentials.ts';

/** Test helper: one more staff member in an existing clinic (e.g. a therapist off a patient's care team), signed in. */
export async function createClinicUser(ctx: TestContext, organizationId: string, role: Role) {
  const email = `${role}.${randomBytes(4).toString('hex')}@clinic.example`;
  await ctx.ownerDb
    .insertInto('users')
    .values({
      organization_id: organizationId,
      email,
      name: `Another ${role}`,
      role,
      password_hash: await hashPassword(TEST_PASSWORD),
    })
    .execute();
  return signIn(ctx.app, email);
}
