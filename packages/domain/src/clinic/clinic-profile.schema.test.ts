import { describe, expect, it } from 'vitest';
import { addressLines, clinicProfileSchema } from './clinic-profile.schema.ts';

const base = {
  legalName: 'Lakeside Medical Massage LLC',
  locations: [
    { lines: ['200 Main St', 'Suite 4'], city: 'Madison', region: 'WI', postalCode: '53703', country: 'us' },
  ],
};

describe('clinic profile', () => {
  it('accepts a valid type-2 NPI (CMS check digit example 1234567893) and an EIN', () => {
    const p = clinicProfileSchema.parse({
      ...base,
      npi: '1234567893',
      taxId: '12-3456789',
      phone: '(608) 555-0100',
    });
    expect(p.npi).toBe('1234567893');
    expect(p.units).toBe('metric');
    expect(p.locations[0]?.country).toBe('US');
  });

  it.each([
    [{ npi: '1234567890' }, 'npi', 'check digit'],
    [{ npi: '12345' }, 'npi', '10 digits'],
    [{ taxId: '123456789' }, 'taxId', 'EIN'],
    [{ phone: 'call us' }, 'phone', 'phone number'],
    [{ units: 'imperial' }, 'units', ''],
  ])('refuses %j naming the field %s', (patch, field, words) => {
    const r = clinicProfileSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(words);
  });

  it('a tax id outside the US is not held to the EIN format', () => {
    const p = { ...base, locations: [{ ...base.locations[0], country: 'CA' }], taxId: '123456789RT0001' };
    expect(clinicProfileSchema.safeParse(p).success).toBe(true);
  });

  it('prints an address as a letterhead does', () => {
    const p = clinicProfileSchema.parse(base);
    expect(addressLines(p.locations[0] as never)).toEqual(['200 Main St', 'Suite 4', 'Madison, WI 53703']);
  });
});
