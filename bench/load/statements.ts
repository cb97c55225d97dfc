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
 * What the bare stack replays for a statement Fascia ran: nothing for the session look-up, a
 * plain COMMIT for the audit append sent with COMMIT, the statement itself otherwise (reading
 * the audit trail is data and stays).
 */
export function bareStatement(s: Statement): Statement | null {
  const t = s.text.trimStart().toLowerCase();
  if (t.includes('auth_resolve_session')) return null;
  if (t.startsWith('select audit_append(')) return { text: 'COMMIT', values: [] };
  return s;
}
