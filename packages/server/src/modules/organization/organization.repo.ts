import type { Tx } from '../../platform/tenancy.ts';

const columns = ['id', 'name', 'require_mfa', 'idle_timeout_minutes'] as const;
type Row = { id: string; name: string; require_mfa: boolean; idle_timeout_minutes: number };
const view = (r: Row) => ({
  id: r.id,
  name: r.name,
  requireMfa: r.require_mfa,
  sessionIdleMinutes: r.idle_timeout_minutes,
});

export async function getOrganizationSettings(tx: Tx, id: string) {
  return view(
    await tx.selectFrom('organizations').select(columns).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

export async function updateOrganizationSettings(
  tx: Tx,
  id: string,
  patch: {
    name?: string | undefined;
    requireMfa?: boolean | undefined;
    sessionIdleMinutes?: number | undefined;
  },
) {
  const row = await tx
    .updateTable('organizations')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.requireMfa !== undefined && { require_mfa: patch.requireMfa }),
      ...(patch.sessionIdleMinutes !== undefined && { idle_timeout_minutes: patch.sessionIdleMinutes }),
    })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return view(row);
}
