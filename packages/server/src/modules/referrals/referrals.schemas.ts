import { referringProviderSchema } from '@fascia/domain/referrals/provider.schema';
import { referralSchema } from '@fascia/domain/referrals/referral.schema';
import { z } from 'zod';

export { referringProviderSchema };

export const providerView = z.object({
  id: z.uuid(),
  displayName: z.string(),
  provider: referringProviderSchema,
});

/**
 * The referral form's body: the domain's referral schema without patientId (the patient is in the
 * path). Validated field by field by the service with that schema, so errors name each field.
 */
export const referralBody = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A referral (see the referral schema); patientId comes from the path.' });
export { referralSchema };

const statusReason = z.object({ code: z.string() }).catchall(z.unknown());

export const referralView = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  provider: z.object({ id: z.uuid(), displayName: z.string(), npi: z.string() }),
  referral: z.record(z.string(), z.unknown()),
  orderedVisits: z.number().int(),
  visitsUsed: z.number().int(),
  status: z.object({
    status: z.enum(['not_yet_valid', 'active', 'expiring_soon', 'exhausted', 'expired']),
    reasons: z.array(statusReason),
    explanation: z.array(z.string()),
    daysLeft: z.number().int(),
    visitsLeft: z.number().int().optional(),
  }),
  attachment: z
    .object({ sha256: z.string(), mediaType: z.string(), fileName: z.string(), sizeBytes: z.number().int() })
    .nullable(),
  createdAt: z.string(),
});
export type ReferralView = z.infer<typeof referralView>;

export const attachmentBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/tiff']),
  /** The file, base64-encoded; at most 10 MB once decoded. */
  dataBase64: z.string().min(8).max(14_000_000),
});
