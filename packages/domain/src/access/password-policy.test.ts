import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

// Source: NIST SP 800-63B rev. 4 (2025), §3.1.1.2 Password Verifiers.
const common = new Set(['password123456789', 'qwertyuiopasdfgh']);
const ctx = (secondFactor: boolean) => ({ secondFactor, isCommon: (p: string) => common.has(p) });

describe('password policy (NIST SP 800-63B rev 4 §3.1.1.2)', () => {
  it.each([
    ['14 characters, single factor: refused', 'abcdefghijklmn', false, false],
    ['15 characters, single factor: accepted', 'correct horse b', false, true],
    ['8 characters with a second factor: accepted', 'tablet42', true, true],
    ['7 characters with a second factor: refused', 'tablet4', true, false],
    ['no composition rules: all lowercase letters accepted', 'lowercaseonlywords', false, true],
    ['64 characters accepted', 'xy'.repeat(32), false, true],
    ['129 characters refused', 'abc'.repeat(43), false, false],
    ['common password refused whatever its length', 'Password123456789', false, false],
    ['unicode counted by character, not byte', 'ééééééééééééééé'.replace(/é$/, 'a'), false, true],
  ])('%s', (_label, pw, secondFactor, accepted) => {
    expect(checkPassword(pw, ctx(secondFactor)).length === 0).toBe(accepted);
  });

  it('refuses the account email as the password', () => {
    const problems = checkPassword('owner@clinic.example', {
      ...ctx(false),
      contextWords: ['owner@clinic.example'],
    });
    expect(problems).toContain('must not be your email address or name');
  });

  it('explains the single-factor minimum in words', () => {
    expect(checkPassword('short', ctx(false))[0]).toMatch(/at least 15 characters/);
  });
});
