/**
 * A referring provider in the clinic's directory. The NPI is what claims (837P loop 2310A) and
 * progress reports identify the physician by, so a mistyped one is refused at entry.
 */
import { z } from 'zod';
import { humanNameSchema, phoneSchema } from '../patients/patient.schema.ts';
import { npiProblem } from './npi.ts';

const NPI_MESSAGES = {
  not_10_digits: 'An NPI has exactly 10 digits.',
  check_digit: 'This NPI fails its check digit; check for a mistyped digit.',
} as const;

export const npiSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = npiProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: NPI_MESSAGES[problem] });
  });

export const referringProviderSchema = z.object({
  name: humanNameSchema,
  /** Post-nominal credentials as the provider signs: MD, DO, NP, PA-C, DPM, DC. */
  credentials: z.array(z.string().trim().min(1).max(20)).max(6).default([]),
  npi: npiSchema,
  specialty: z.string().trim().max(120).optional(),
  phone: phoneSchema.optional(),
  fax: phoneSchema.optional(),
  email: z.email('Enter an email address.').optional(),
  organization: z.string().trim().max(200).optional(),
});

export type ReferringProvider = z.infer<typeof referringProviderSchema>;

/** "Jane Doe, MD, PhD" for headers and reports. */
export function providerDisplayName(provider: Pick<ReferringProvider, 'name' | 'credentials'>): string {
  const name = [provider.name.given, provider.name.middle, provider.name.family, provider.name.suffix]
    .filter(Boolean)
    .join(' ');
  return [name, ...provider.credentials].join(', ');
}
