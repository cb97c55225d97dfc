import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { checkPassword } from '@fascia/domain/access/password-policy';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { Invalid } from '../errors.ts';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
// algorithm 2 = Argon2id (a const enum in the package's types, so spelled as its value).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check so response timing does not reveal which emails exist. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummyHash, password);
}

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
export const isCommonPassword = (normalisedLower: string): boolean => COMMON.has(normalisedLower);

/** Throws Invalid naming `field` when the password breaks the NIST 800-63B rules. */
export function assertAcceptablePassword(
  password: string,
  opts: { field: string; secondFactor: boolean; email: string; name: string; clinicName: string },
): void {
  const problems = checkPassword(password, {
    secondFactor: opts.secondFactor,
    isCommon: isCommonPassword,
    // NIST SP 800-63B rev 4 §3.1.1.2: the service's name and the account's own words are refused too.
    contextWords: [opts.email, opts.name, opts.clinicName, 'fascia'],
  });
  if (problems.length) throw new Invalid(problems.map((message) => ({ field: opts.field, message })));
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session, invitation and recovery tokens are stored as hashes: a database dump grants nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
