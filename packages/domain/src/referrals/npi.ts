/**
 * National Provider Identifier check. An NPI is 10 digits whose last digit is a Luhn (ISO/IEC
 * 7812) check digit computed over the card-issuer prefix 80840 followed by the first 9 digits,
 * as CMS specifies in "Requirements for Check Digit Algorithm for the NPI".
 */

const NPI_PREFIX = '80840';

/** Luhn check digit for a string of digits (the digit that would be appended). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Double every second digit counting from the right of the payload, the check digit's neighbour first.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The check digit for the first 9 digits of an NPI. */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('An NPI check digit needs exactly 9 digits.');
  return luhnCheckDigit(NPI_PREFIX + firstNine);
}

export type NpiProblem = 'not_10_digits' | 'check_digit';

/** Why a value is not a valid NPI, or undefined when it is one. */
export function npiProblem(value: string): NpiProblem | undefined {
  if (!/^\d{10}$/.test(value)) return 'not_10_digits';
  return npiCheckDigit(value.slice(0, 9)) === Number(value[9]) ? undefined : 'check_digit';
}

export function isValidNpi(value: string): boolean {
  return npiProblem(value) === undefined;
}
