/**
 * Source: CMS, "Requirements for Check Digit Algorithm for the National Provider Identifier (NPI)"
 * (NPPES), with its worked example: first nine digits 123456789, check digit 3, NPI 1234567893;
 * the prefix 80840 (or the constant 24 added to the doubled-digit sum) and ISO/IEC 7812 Luhn.
 */
import { describe, expect, it } from 'vitest';
import { isValidNpi, luhnCheckDigit, npiCheckDigit, npiProblem } from './npi.ts';

/** The CMS shortcut: Luhn over the 9 digits alone, plus the constant 24 standing for the prefix. */
function checkDigitWithConstant(firstNine: string): number {
  let sum = 24;
  [...firstNine].reverse().forEach((ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return (10 - (sum % 10)) % 10;
}

describe('NPI check digit', () => {
  it('gives 3 for the CMS example 123456789', () => expect(npiCheckDigit('123456789')).toBe(3));

  it.each(['123456789', '100000000', '999999999', '154321987', '198765432', '130000000', '111111111'])(
    'agrees with the CMS constant-24 method for %s',
    (nine) => expect(npiCheckDigit(nine)).toBe(checkDigitWithConstant(nine)),
  );

  it.each([
    ['7992739871', 3], // the textbook Luhn example: 79927398713
    ['0', 0],
  ])('Luhn check digit of %s is %i', (payload, digit) => expect(luhnCheckDigit(payload)).toBe(digit));

  it('refuses a payload that is not 9 digits', () =>
    expect(() => npiCheckDigit('12345678')).toThrow(RangeError));
});

describe('isValidNpi', () => {
  it.each([
    ['1234567893', undefined],
    ['1000000004', undefined],
    ['1999999992', undefined],
    ['1234567890', 'check_digit'],
    ['1234567894', 'check_digit'],
    ['1234567839', 'check_digit'], // neighbouring digits swapped
    ['123456789', 'not_10_digits'],
    ['12345678931', 'not_10_digits'],
    ['123456789A', 'not_10_digits'],
    ['', 'not_10_digits'],
    [' 1234567893', 'not_10_digits'],
  ])('%j → %s', (npi, problem) => {
    expect(npiProblem(npi)).toBe(problem);
    expect(isValidNpi(npi)).toBe(problem === undefined);
  });
});
