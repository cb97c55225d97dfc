import { describe, expect, it } from 'vitest';
import { clinicItemId } from './home-care-page.tsx';

describe('clinic home-care item ids', () => {
  it.each([
    ['Pec doorway stretch', 'clinic.pec_doorway_stretch'],
    ['  Épaule — auto-massage ', 'clinic.epaule_auto_massage'],
    ['!!!', 'clinic.item'],
  ])('%s → %s', (label, id) => {
    expect(clinicItemId(label)).toBe(id);
  });
});
