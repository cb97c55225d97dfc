import type { FieldError } from './errors.ts';

/** SQLSTATEs that mean the input was unusable, not that the server failed. */
const INPUT_STATES: Record<string, string> = {
  '22001': 'is too long',
  '22003': 'is out of range',
  '22007': 'is not a valid date or time',
  '22008': 'is not a valid date or time',
  '22021': 'holds characters that cannot be stored',
  '22P02': 'is not in a valid form',
  '22P05': 'holds characters that cannot be stored',
  '23502': 'is required',
  '23503': 'refers to a record that does not exist',
  '23514': 'is not allowed',
  '54001': 'is too complex',
};

interface DatabaseError {
  code?: unknown;
  column?: string;
  constraint?: string;
  table?: string;
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The field a constraint or column names: `assessments_organization_id_referral_id_fkey` → referralId. */
function fieldOf(err: DatabaseError): string {
  if (err.column) return camel(err.column);
  const c = err.constraint;
  if (!c) return 'body';
  const inner = c
    .replace(err.table ? new RegExp(`^${err.table}_`) : /^$/, '')
    .replace(/_(fkey|check|not_null)$/, '')
    .replace(/^organization_id_/, '');
  return camel(inner) || 'body';
}

/**
 * A database refusal caused by input that validation should have caught: answered as a 422 naming
 * the field the column or constraint names. Services validate first; this is the safety net.
 */
export function databaseInputError(err: unknown): FieldError[] | undefined {
  const e = err as DatabaseError;
  if (typeof e?.code !== 'string' || !(e.code in INPUT_STATES)) return undefined;
  return [{ field: fieldOf(e), message: INPUT_STATES[e.code] as string }];
}
