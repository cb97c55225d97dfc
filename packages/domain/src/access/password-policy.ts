/**
 * Password rules of NIST SP 800-63B rev. 4, §3.1.1.2 (password verifiers):
 * - at least 15 characters when the password is the only factor, at least 8 when it is used with
 *   a second factor;
 * - at least 64 characters accepted (we accept 128);
 * - no composition rules (no "one digit, one symbol");
 * - compared against a blocklist of "commonly used, expected, or compromised" values, which the
 *   standard says includes dictionary words, repetitive or sequential characters ("aaaaaa",
 *   "1234abcd") and context-specific words (the name of the service, the username, derivatives),
 *   and refused if it matches — whatever its length;
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
  /**
   * Words specific to this account and service: the product name, the clinic's name, the user's
   * email and name. Each is also split into its parts ("Riverside Massage" → riverside, massage).
   */
  contextWords?: string[];
}

export const PASSWORD_MESSAGES = {
  common: 'is on the list of commonly used passwords; choose another',
  commonPadded: 'is a commonly used password with numbers, symbols or a sequence added; choose another',
  context: 'must not be built from your email address, your name, the clinic’s name or “Fascia”',
  repetitive: 'must not be mostly a repeated character or a repeated group (like “aaaa…” or “abcabc…”)',
  sequential: 'must not be mostly a sequence (like “12345…”, “abcde…” or a keyboard row like “qwerty…”)',
} as const;

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function passwordMinLength(secondFactor: boolean): number {
  return secondFactor ? PASSWORD_MIN_WITH_SECOND_FACTOR : PASSWORD_MIN_SINGLE_FACTOR;
}

/** Returns the reasons a password is refused; an empty list means it is accepted. */
export function checkPassword(password: string, ctx: PasswordContext): string[] {
  const pw = normalisePassword(password);
  const chars = [...pw.toLowerCase()];
  const length = chars.length;
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
  if (length === 0) return problems;
  const lower = chars.join('');
  const words = contextWordsOf(ctx.contextWords ?? []);

  if (ctx.isCommon(lower)) problems.push(PASSWORD_MESSAGES.common);
  else if (isCommonPadded(chars, ctx.isCommon)) problems.push(PASSWORD_MESSAGES.commonPadded);
  if (isContextBuilt(lower, words)) problems.push(PASSWORD_MESSAGES.context);
  const runs = weakRuns(chars);
  if (isRepetitive(chars, runs.repeated)) problems.push(PASSWORD_MESSAGES.repetitive);
  else if (runs.sequential + runs.repeated > length / 2) problems.push(PASSWORD_MESSAGES.sequential);
  return problems;
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop'];

/** True when b follows a in the alphabet, in digits or along a keyboard row, in one direction. */
function step(a: string, b: string): number {
  const d = (b.codePointAt(0) ?? 0) - (a.codePointAt(0) ?? 0);
  if (d === 1 || d === -1) return d;
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(a);
    if (i < 0) continue;
    if (row[i + 1] === b) return 2;
    if (i > 0 && row[i - 1] === b) return -2;
  }
  return 0;
}

/**
 * Counts the characters that sit in runs of three or more: the same character repeated
 * ("aaa"), or a sequence going one way ("abc", "987", "qwe", "7890").
 */
function weakRuns(chars: string[]): { repeated: number; sequential: number } {
  const inSequence = new Array<boolean>(chars.length).fill(false);
  const inRepeat = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i + 2 < chars.length; i++) {
    const a = chars[i] as string;
    const b = chars[i + 1] as string;
    const c = chars[i + 2] as string;
    if (a === b && b === c) inRepeat[i] = inRepeat[i + 1] = inRepeat[i + 2] = true;
    const s = step(a, b);
    if (s !== 0 && step(b, c) === s) inSequence[i] = inSequence[i + 1] = inSequence[i + 2] = true;
  }
  let repeated = 0;
  let sequential = 0;
  for (let i = 0; i < chars.length; i++) {
    if (inRepeat[i]) repeated += 1;
    else if (inSequence[i]) sequential += 1;
  }
  return { repeated, sequential };
}

/** Few distinct characters, or one short group said again and again ("abcabcabc", "xyxyxy"). */
function isRepetitive(chars: string[], repeated: number): boolean {
  const n = chars.length;
  if (n >= 4 && new Set(chars).size <= Math.max(1, Math.min(4, Math.floor(n / 4)))) return true;
  if (repeated > n / 2) return true;
  // Separators are left out so that "correct horse correct horse" counts as one group twice.
  return isPeriodic(chars) || isPeriodic(chars.filter((c) => /[\p{L}\p{N}]/u.test(c)));
}

function isPeriodic(chars: string[]): boolean {
  const n = chars.length;
  for (let block = 1; block <= n / 2; block++) {
    let same = true;
    for (let i = block; i < n && same; i++) same = chars[i] === chars[i % block];
    if (same) return true;
  }
  return false;
}

/** Strips what people add around a listed password: digits, symbols, spaces and short runs. */
function isCommonPadded(chars: string[], isCommon: (p: string) => boolean): boolean {
  const letters = /\p{L}/u;
  let start = 0;
  let end = chars.length;
  // Length of the one-directional run starting at `from` and going inwards (`dir`).
  const edgeRun = (from: number, dir: 1 | -1): number => {
    const at = (i: number) => chars[i] as string;
    const first = from + dir >= 0 && from + dir < chars.length ? step(at(from), at(from + dir)) : 0;
    if (first === 0) return 1;
    let i = from;
    while (i + dir >= 0 && i + dir < chars.length && step(at(i), at(i + dir)) === first) i += dir;
    return Math.abs(i - from) + 1;
  };
  for (let changed = true; changed && start < end; ) {
    changed = false;
    while (start < end && !letters.test(chars[start] as string)) {
      start += 1;
      changed = true;
    }
    while (end > start && !letters.test(chars[end - 1] as string)) {
      end -= 1;
      changed = true;
    }
    if (end - start > 4 && edgeRun(start, 1) >= 3) {
      start += edgeRun(start, 1);
      changed = true;
    }
    if (end - start > 4 && edgeRun(end - 1, -1) >= 3) {
      end -= edgeRun(end - 1, -1);
      changed = true;
    }
    const core = chars.slice(start, end).join('');
    if (core.length >= 4 && isCommon(core)) return true;
  }
  return false;
}

function contextWordsOf(raw: string[]): string[] {
  const words = new Set<string>();
  for (const value of raw) {
    const lower = normalisePassword(value).toLowerCase().trim();
    const whole = lower.split('@')[0] ?? '';
    for (const candidate of [
      lower,
      whole,
      lower.replace(/[^\p{L}\p{N}]+/gu, ''),
      ...whole.split(/[^\p{L}\p{N}]+/u),
    ])
      if ([...candidate].length >= 4) words.add(candidate);
  }
  // Longest first, so "riverside" is taken before "river".
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * The password equals a context word, or context words make up half or more of its letters and
 * digits (e.g. "Demo Clinic" + "demo-clinic-tablet-2026").
 */
function isContextBuilt(lower: string, words: string[]): boolean {
  if (words.length === 0) return false;
  if (words.includes(lower)) return true;
  const significant = (s: string) => [...s.replace(/[^\p{L}\p{N}]+/gu, '')].length;
  const total = significant(lower);
  let rest = lower;
  for (const w of words) rest = rest.split(w).join(' ');
  return total > 0 && total - significant(rest) >= total / 2;
}
