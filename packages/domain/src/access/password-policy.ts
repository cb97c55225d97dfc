/**
 * Password rules of NIST SP 800-63B rev. 4, §3.1.1.2 (memorized secrets):
 * - at least 15 characters when the password is the only factor, at least 8 when it is used with
 *   a second factor;
 * - at least 64 characters accepted (we accept 128);
 * - no composition rules (no "one digit, one symbol");
 * - compared against a list of commonly used or compromised passwords, and refused if listed;
 * - every printing character and space allowed; Unicode normalised (NFKC) before use.
 * The common-password list is supplied by the caller so that this stays free of I/O.
 */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_SINGLE_FACTOR = 15;
export const PASSWORD_MIN_WITH_SECOND_FACTOR = 8;

export interface PasswordContext {
  /** True once the account has two-factor enrolled (or the clinic requires it before any use). */
  secondFactor: boolean;
  isCommon: (normalised: string) => boolean;
  /** Words specific to the account (email, name, product) a password must not simply be. */
  contextWords?: string[];
}

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function passwordMinLength(secondFactor: boolean): number {
  return secondFactor ? PASSWORD_MIN_WITH_SECOND_FACTOR : PASSWORD_MIN_SINGLE_FACTOR;
}

/** Returns the reasons a password is refused; an empty list means it is accepted. */
export function checkPassword(password: string, ctx: PasswordContext): string[] {
  const pw = normalisePassword(password);
  const length = [...pw].length;
  const min = passwordMinLength(ctx.secondFactor);
  const problems: string[] = [];
  if (length < min) {
    problems.push(
      ctx.secondFactor
        ? `must be at least ${min} characters`
        : `must be at least ${min} characters while the password is your only sign-in factor (${PASSWORD_MIN_WITH_SECOND_FACTOR} once two-factor is on)`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = pw.toLowerCase();
  if (ctx.isCommon(lower)) problems.push('is on the list of commonly used passwords; choose another');
  const words = (ctx.contextWords ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
  if (words.some((w) => lower === w)) problems.push('must not be your email address or name');
  if (length >= 4 && new Set(pw).size === 1) problems.push('must not repeat a single character');
  return problems;
}
