/**
 * Sources: ICD-10-CM FY2026 code set (billable codes only on a claim; M54.5 is a category since
 * FY2022); ASC X12 837P 005010X222A1 HI segment (principal diagnosis first, at most 12); CMS NPI
 * check digit requirements (provider NPI).
 */
import { describe, expect, it } from 'vitest';
import { providerDisplayName, referringProviderSchema } from './provider.schema.ts';
import { orderedVisits, referralSchema } from './referral.schema.ts';

const referral = {
  patientId: 'patient-1',
  providerId: 'provider-1',
  dateWritten: '2026-11-20',
  diagnoses: ['M54.31', 'M62.830'],
  frequency: { timesPerWeek: 2 },
  durationWeeks: 6,
  visitsAuthorized: 12,
  validFrom: '2026-11-20',
  validUntil: '2027-01-15',
  precautions: {
    text: 'No deep pressure left leg',
    items: [{ kind: 'no_deep_pressure', regions: [{ regionId: 'calf', side: 'left' }] }],
  },
  goals: ['Sit for 60 minutes without leg pain'],
  authorizationNumber: 'AUTH-778',
};

const problems = (input: unknown) => {
  const result = referralSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('referralSchema', () => {
  it('accepts the issue example: sciatica M54.31, 2×/week for 6 weeks, 12 visits', () => {
    const parsed = referralSchema.parse({ ...referral, diagnoses: ['m5431'] });
    expect(parsed.diagnoses).toEqual(['M54.31']);
    expect(orderedVisits(parsed)).toBe(12);
  });

  it('fills empty precautions and goals', () => {
    const parsed = referralSchema.parse({ ...referral, precautions: undefined, goals: undefined });
    expect(parsed.precautions).toEqual({ items: [] });
    expect(parsed.goals).toEqual([]);
  });

  it.each([
    ['no diagnosis', { diagnoses: [] }, ['diagnoses: Add at least one diagnosis.']],
    ['an unknown code', { diagnoses: ['M54.99'] }, ['diagnoses.0: M54.99 is not a known ICD-10-CM code.']],
    [
      'a category',
      { diagnoses: ['M54.5'] },
      ['diagnoses.0: M54.5 is a category; choose a more specific code (M54.50, M54.51, M54.59).'],
    ],
    ['the same code twice', { diagnoses: ['M54.31', 'm54.31'] }, ['diagnoses.1: M54.31 is listed twice.']],
    [
      'an end before the start',
      { validUntil: '2026-11-19', dateWritten: '2026-11-01' },
      ['validUntil: The referral ends before it starts.'],
    ],
    [
      'an end before it was written',
      { validFrom: '2026-10-01', validUntil: '2026-10-31' },
      ['validUntil: The referral ends before it was written.'],
    ],
    [
      'eight sessions a week',
      { frequency: { timesPerWeek: 8 } },
      [expect.stringMatching(/^frequency\.timesPerWeek: /)],
    ],
    [
      'an unknown precaution',
      { precautions: { items: [{ kind: 'no_talking' }] } },
      [expect.stringMatching(/^precautions\.items\.0\.kind: /)],
    ],
    [
      'a region-less avoid',
      { precautions: { items: [{ kind: 'avoid_region', regions: [] }] } },
      ['precautions.items.0.regions: Mark the region to avoid.'],
    ],
    [
      'a bad attachment hash',
      { attachment: { sha256: 'abc', mediaType: 'application/pdf', fileName: 'rx.pdf' } },
      ['attachment.sha256: A SHA-256 is 64 lowercase hex digits.'],
    ],
  ])('refuses %s', (_, change, expected) => expect(problems({ ...referral, ...change })).toEqual(expected));
});

describe('referringProviderSchema', () => {
  const provider = {
    name: { given: 'Ana', family: 'Ruiz' },
    credentials: ['MD'],
    npi: '1234567893',
    specialty: 'Physiatry',
  };

  it.each([
    ['1234567893', []],
    ['1234567890', ['This NPI fails its check digit; check for a mistyped digit.']],
    ['12345', ['An NPI has exactly 10 digits.']],
  ])('NPI %s', (npi, messages) => {
    const result = referringProviderSchema.safeParse({ ...provider, npi });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual(messages);
  });

  it('shows the name with credentials', () => {
    expect(
      providerDisplayName(referringProviderSchema.parse({ ...provider, credentials: ['MD', 'PhD'] })),
    ).toBe('Ana Ruiz, MD, PhD');
  });
});
