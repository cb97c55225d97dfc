/**
 * Registration data the front desk enters: who the patient is, how to reach them, what they have
 * consented to, and how their care is paid for. Shared by the server's routes and the web forms so
 * that both refuse the same input with the same field messages.
 */
import { z } from 'zod';
import { calendarDateSchema } from './health-history.schema.ts';

/** 7–15 digits once spaces, dots, dashes and brackets are removed; an optional leading +. */
export const phoneSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^\+?[0-9]{7,15}$/.test(v.replace(/[\s().-]/g, '')),
    'Enter a phone number (7 to 15 digits).',
  );

export const humanNameSchema = z.object({
  given: z.string().trim().min(1, 'Enter the given name.').max(100),
  middle: z.string().trim().max(100).optional(),
  family: z.string().trim().min(1, 'Enter the family name.').max(100),
  suffix: z.string().trim().max(20).optional(),
});

export const addressSchema = z.object({
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code.')
    .default('US'),
});

export const emergencyContactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  relationship: z.string().trim().min(1).max(100),
  phone: phoneSchema,
});

/** A consent is either not given, or given on a date (the date is what makes it auditable). */
export const consentSchema = z
  .object({ given: z.boolean(), date: calendarDateSchema.optional() })
  .refine((c) => !c.given || c.date !== undefined, {
    message: 'Enter the date consent was given.',
    path: ['date'],
  });

export const communicationConsentSchema = z
  .object({
    given: z.boolean(),
    date: calendarDateSchema.optional(),
    channels: z.array(z.enum(['sms', 'email', 'phone', 'post'])).default([]),
  })
  .refine((c) => !c.given || c.date !== undefined, {
    message: 'Enter the date consent was given.',
    path: ['date'],
  });

export const patientSchema = z
  .object({
    legalName: humanNameSchema,
    preferredName: z.string().trim().max(100).optional(),
    dateOfBirth: calendarDateSchema.refine((d) => d >= '1900-01-01', 'Check the year of birth.'),
    /** Administrative sex as payers and FHIR record it. */
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    pronouns: z.string().trim().max(40).optional(),
    phone: phoneSchema.optional(),
    email: z.email('Enter an email address.').optional(),
    address: addressSchema.optional(),
    emergencyContact: emergencyContactSchema.optional(),
    /** BCP 47 language tag (en, es, zh-Hant). */
    preferredLanguage: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a language tag such as en or es.')
      .default('en'),
    consents: z.object({
      treatment: consentSchema,
      communication: communicationConsentSchema,
    }),
  })
  .refine((p) => !p.consents.communication.channels.includes('email') || p.email !== undefined, {
    message: 'Add an email address to send email.',
    path: ['email'],
  });

export const subscriberRelationshipSchema = z.enum(['self', 'spouse', 'child', 'other']);

export const coverageSchema = z
  .object({
    payerName: z.string().trim().min(1, 'Enter the payer.').max(200),
    /** The payer's electronic id at the clearinghouse, used on claims. */
    payerId: z.string().trim().max(80).optional(),
    memberId: z.string().trim().min(1, 'Enter the member id.').max(80),
    groupNumber: z.string().trim().max(80).optional(),
    relationship: subscriberRelationshipSchema,
    /** The policy holder, when the patient is not the subscriber. */
    subscriber: z
      .object({
        name: humanNameSchema,
        dateOfBirth: calendarDateSchema.optional(),
        sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
      })
      .optional(),
    order: z.enum(['primary', 'secondary', 'tertiary']),
    validFrom: calendarDateSchema.optional(),
    validUntil: calendarDateSchema.optional(),
  })
  .refine((c) => c.relationship === 'self' || c.subscriber !== undefined, {
    message: 'Enter the subscriber when the patient is not the policy holder.',
    path: ['subscriber'],
  })
  .refine((c) => !c.validFrom || !c.validUntil || c.validUntil >= c.validFrom, {
    message: 'The end date is before the start date.',
    path: ['validUntil'],
  });

/** A patient's coverages: at most one per order, so primary and secondary are never ambiguous. */
export const coveragesSchema = z.array(coverageSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((coverage, index) => {
    if (seen.has(coverage.order)) {
      ctx.addIssue({
        code: 'custom',
        message: `There is already a ${coverage.order} coverage.`,
        path: [index, 'order'],
      });
    }
    seen.add(coverage.order);
  });
});

export type HumanName = z.infer<typeof humanNameSchema>;
export type Patient = z.infer<typeof patientSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
