import pg from 'pg';

/** One SQL statement as the pg driver received it. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Every statement of the process passes through pg.Client#query (Kysely, the pool, the auth
 * look-up): counting and recording there sees all of them, BEGIN and COMMIT included.
 */
export function instrumentPg(): { counted(): number; record(on: boolean): Statement[] } {
  let count = 0;
  let recording: Statement[] | undefined;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    count += 1;
    if (recording) {
      const [first, second] = args;
      const text = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '');
      const values = Array.isArray(second) ? second : ((first as { values?: unknown[] })?.values ?? []);
      recording.push({ text, values: [...values] });
    }
    return original.apply(this, args);
  };
  return {
    counted: () => count,
    record(on) {
      const done = recording ?? [];
      recording = on ? [] : undefined;
      return done;
    },
  };
}

/**
 * What the bare stack replays for one request's statements: the request's own data statements in
 * the same transaction under the same tenant, without the session look-up and the audit trail.
 * A GET's first message (BEGIN with the session look-up and the tenant setting) becomes BEGIN with
 * the tenant setting; the audit append sent with COMMIT becomes COMMIT; a separate look-up (writes)
 * is left out. Reading the audit trail is data and stays.
 */
export function bareScript(statements: Statement[]): Statement[] {
  const append = statements.find((s) => isAuditAppend(s));
  const tenant = append ? /^\s*SELECT audit_append\('([0-9a-f-]{36})'/i.exec(append.text)?.[1] : undefined;
  return statements.flatMap((s): Statement[] => {
    const t = s.text.trimStart().toLowerCase();
    if (isAuditAppend(s)) return [{ text: 'COMMIT', values: [] }];
    if (!t.includes('auth_resolve_session')) return [s];
    if (!t.startsWith('begin')) return [];
    if (!tenant) throw new Error('a GET opened its transaction with the session but wrote no audit row');
    return [{ text: `BEGIN; SELECT set_config('app.organization_id', '${tenant}', true)`, values: [] }];
  });
}

const isAuditAppend = (s: Statement) => s.text.trimStart().toLowerCase().startsWith('select audit_append(');
