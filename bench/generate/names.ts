import { npiCheckDigit } from '@fascia/domain/referrals/npi';
import type { Rng } from './prng.ts';

/**
 * Synthetic names built from syllables: they look like names, collide like names (shared
 * fragments make the trigram search work for its results) and belong to nobody.
 */
const ONSETS = [
  'b',
  'br',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'st',
  'th',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'th', 'nd', 'm', 'x'];
const FAMILY_ENDINGS = ['son', 'ley', 'ova', 'berg', 'ez', 'ini', 'wick', 'ton', 'ard', 'ski', 'man', 'ell'];
const GIVEN_ENDINGS = ['a', 'o', 'en', 'ia', 'el', 'us', 'ine', 'an', 'e', 'ie'];

function syllable(rng: Rng): string {
  return rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function familyName(rng: Rng): string {
  const parts = rng.int(1, 2);
  let s = '';
  for (let i = 0; i < parts; i++) s += syllable(rng);
  return cap(s + rng.pick(FAMILY_ENDINGS));
}

export function givenName(rng: Rng): string {
  return cap(syllable(rng) + rng.pick(GIVEN_ENDINGS));
}

/** A fragment of a generated name, as someone types it into the search box. */
export function searchFragment(rng: Rng, name: string): string {
  const lower = name.toLowerCase();
  const len = Math.min(lower.length, rng.int(3, 5));
  const start = rng.int(0, Math.max(0, lower.length - len));
  return lower.slice(start, start + len);
}

/** A valid NPI: nine digits and the check digit the domain computes. */
export function npi(rng: Rng): string {
  const nine = `${rng.int(1, 2)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  return nine + String(npiCheckDigit(nine));
}
