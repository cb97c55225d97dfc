/**
 * The clinic's profile: who it is on paper (legal name, locations, phone, fax), the identifiers
 * payers and physicians look for (organisational NPI, type 2; tax id) and the units it records in.
 * Printed as the letterhead of every PDF the clinic sends.
 */
import { z } from 'zod';
import { npiProblem } from '../referrals/npi.ts';

const line = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const clinicLocationSchema = z.object({
  label: z.string().trim().max(80).optional(),
  lines: z.array(line(120)).min(1, 'give the street address').max(3),
  city: line(80),
  region: z.string().trim().max(80).optional(),
  postalCode: z.string().trim().max(20).optional(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'use the two-letter country code, e.g. US'),
});

// E.164-ish: digits with the usual separators, 7–15 digits in all.
const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .refine((v) => /^\+?[0-9 ().-]+$/.test(v) && /^\d{7,15}$/.test(v.replace(/\D/g, '')), {
    message: 'must be a phone number of 7 to 15 digits',
  });

/** US Employer Identification Number: 2 digits, hyphen, 7 digits (IRS). */
export const EIN_PATTERN = /^\d{2}-\d{7}$/;

export const NPI_MESSAGES = {
  not_10_digits: 'must be 10 digits',
  check_digit: 'has a wrong check digit (Luhn with prefix 80840)',
} as const;

const npiSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = npiProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: NPI_MESSAGES[problem] });
  });

export const UNIT_SYSTEMS = ['metric', 'us'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

export const clinicProfileSchema = z
  .object({
    legalName: line(200),
    locations: z.array(clinicLocationSchema).max(20).default([]),
    phone: phoneSchema.nullable().optional(),
    fax: phoneSchema.nullable().optional(),
    npi: npiSchema.nullable().optional(),
    taxId: z.string().trim().max(20).nullable().optional(),
    units: z.enum(UNIT_SYSTEMS).default('metric'),
  })
  .superRefine((p, ctx) => {
    // A US clinic's tax id is its EIN; elsewhere the format is the country's own.
    const inUs = p.locations.length === 0 || p.locations[0]?.country === 'US';
    if (p.taxId && inUs && !EIN_PATTERN.test(p.taxId))
      ctx.addIssue({ code: 'custom', path: ['taxId'], message: 'must be an EIN such as 12-3456789' });
  });

export type ClinicProfile = z.infer<typeof clinicProfileSchema>;
export type ClinicLocation = z.infer<typeof clinicLocationSchema>;

/** One location as the letterhead prints it: street lines, then "City, Region Postal", country. */
export function addressLines(location: ClinicLocation): string[] {
  const cityLine = [location.city, [location.region, location.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [...location.lines, location.country === 'US' ? cityLine : `${cityLine}, ${location.country}`];
}
