import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MESSAGES } from './password-policy.ts';

// Source: NIST SP 800-63B rev. 4 (2025), §3.1.1.2 Password Verifiers: verifiers SHALL compare a
// prospective password against a blocklist of commonly used, expected or compromised values,
// which includes repetitive or sequential characters and context-specific words (the service's
// name, the username and derivatives), whatever the password's length.
const common = new Set(['password123456789', 'qwertyuiopasdfgh', 'password', 'sunshine']);
const ctx = (secondFactor: boolean, contextWords: string[] = []) => ({
  secondFactor,
  isCommon: (p: string) => common.has(p),
  contextWords,
});

describe('password policy (NIST SP 800-63B rev 4 §3.1.1.2)', () => {
  it.each([
    ['14 characters, single factor: refused', 'abcdefghijklmn', false, false],
    ['15 characters, single factor: accepted', 'correct horse b', false, true],
    ['8 characters with a second factor: accepted', 'tablet42', true, true],
    ['7 characters with a second factor: refused', 'tablet4', true, false],
    ['no composition rules: all lowercase letters accepted', 'lowercaseonlywords', false, true],
    [
      '64 characters accepted',
      'the quiet harbour keeps its lanterns lit for every late ferry now',
      false,
      true,
    ],
    ['129 characters refused', 'abc'.repeat(43), false, false],
    ['common password refused whatever its length', 'Password123456789', false, false],
    ['unicode counted by character, not byte', 'éclair au café noir', false, true],
    ['a passphrase of common words is not padding', 'sunshine harbour lantern', false, true],
    ['a short sequence inside a passphrase is fine', 'my abc of massage notes', false, true],
  ])('%s', (_label, pw, secondFactor, accepted) => {
    expect(checkPassword(pw, ctx(secondFactor)).length === 0).toBe(accepted);
  });

  it.each([
    ['aaaaaaaaaaaaaab', PASSWORD_MESSAGES.repetitive],
    ['aaaaaaaaaaaaaaaaaaaa', PASSWORD_MESSAGES.repetitive],
    ['abcabcabcabcabcabc', PASSWORD_MESSAGES.repetitive],
    ['xyxyxyxyxyxyxyxyxyxy', PASSWORD_MESSAGES.repetitive],
    ['correct horse correct horse', PASSWORD_MESSAGES.repetitive],
    ['1234567890123456', PASSWORD_MESSAGES.sequential],
    ['abcdefghijklmnop', PASSWORD_MESSAGES.sequential],
    ['zyxwvutsrqponmlk', PASSWORD_MESSAGES.sequential],
    ['qwertyuiop[]asdfghjkl', PASSWORD_MESSAGES.sequential],
    ['mydog1234567890', PASSWORD_MESSAGES.sequential],
    ['password1234567', PASSWORD_MESSAGES.commonPadded],
    ['!!Password2026!!', PASSWORD_MESSAGES.commonPadded],
    ['passwordabcdefg', PASSWORD_MESSAGES.commonPadded],
    ['1111sunshine2222', PASSWORD_MESSAGES.commonPadded],
  ])('finding 11: %s is refused at 15+ characters, single factor or not', (pw, message) => {
    expect(checkPassword(pw, ctx(false))).toContain(message);
    expect(checkPassword(pw, ctx(true))).toContain(message);
  });

  it('finding 11: context-specific words (product, clinic, email, name) are refused', () => {
    const words = ['fascia', 'Demo Massage Clinic', 'owner@demo.fascia.example', 'Demo Owner'];
    for (const pw of [
      'demo-clinic-tablet-2026',
      'fasciafascia2026!',
      'Demo Massage Clinic',
      'massage clinic 2026 !!',
      'owner@demo.fascia.example',
      'demoowner-demoowner',
    ]) {
      expect(checkPassword(pw, ctx(false, words)), pw).toContain(PASSWORD_MESSAGES.context);
    }
    // A context word inside a long phrase of one's own is not refused.
    expect(checkPassword('fascia keeps my massage notes tidy', ctx(false, words))).toEqual([]);
    expect(checkPassword('willow-harbour-lantern-47', ctx(false, words))).toEqual([]);
  });

  it('refuses the account email as the password', () => {
    const problems = checkPassword('owner@clinic.example', ctx(false, ['owner@clinic.example']));
    expect(problems).toContain(PASSWORD_MESSAGES.context);
  });

  it('explains the single-factor minimum in words', () => {
    expect(checkPassword('short', ctx(false))[0]).toMatch(/at least 15 characters/);
  });
});
