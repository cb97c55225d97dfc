import { describe, expect, it } from 'vitest';
import { isRegionId } from '../body/regions.ts';
import {
  clinicHomeCareLibrary,
  customHomeCareItemSchema,
  findHomeCareItem,
  HOME_CARE_LIBRARY,
} from './home-care.ts';

// Source: the heat and stretching cautions follow the FSMTB MBLEx content outline
// ("contraindications, areas of caution, special populations"); the items and wording are ours.

const custom = {
  id: 'clinic.jaw_relaxation',
  kind: 'self_massage',
  label: 'Jaw relaxation',
  instructions: 'Small circles over the jaw muscle with two fingers, teeth apart.',
  regions: ['face_jaw'],
  dose: { minutes: 2, timesPerDay: 2 },
};

describe('home-care library', () => {
  it.each(HOME_CARE_LIBRARY.map((item) => [item.id, item] as const))(
    '%s names known regions',
    (_id, item) => {
      for (const region of item.regions) expect(isRegionId(region)).toBe(true);
      expect(item.instructions.length).toBeGreaterThan(10);
    },
  );

  it.each<[string, unknown, boolean]>([
    ['a complete clinic item', custom, true],
    ['an id without the clinic prefix', { ...custom, id: 'jaw_relaxation' }, false],
    ['an unknown region', { ...custom, regions: ['spleen'] }, false],
    ['an unknown caution tag', { ...custom, cautionTags: ['magic'] }, false],
    ['a known caution tag', { ...custom, cautionTags: ['heat'] }, true],
    ['empty instructions', { ...custom, instructions: '  ' }, false],
    ['a negative dose', { ...custom, dose: { minutes: -2 } }, false],
  ])('custom item schema: %s', (_label, input, valid) => {
    expect(customHomeCareItemSchema.safeParse(input).success).toBe(valid);
  });

  it('adds clinic items after the built-in ones', () => {
    const item = customHomeCareItemSchema.parse(custom);
    const library = clinicHomeCareLibrary([item]);
    expect(library).toHaveLength(HOME_CARE_LIBRARY.length + 1);
    expect(findHomeCareItem(library, 'clinic.jaw_relaxation')?.label).toBe('Jaw relaxation');
  });

  it('refuses a clinic item defined twice', () => {
    const item = customHomeCareItemSchema.parse(custom);
    expect(() => clinicHomeCareLibrary([item, item])).toThrow(/defined twice/);
  });
});
