import { describe, expect, it } from 'vitest';
import { findBillingCode } from '../billing/billing-codes.ts';
import { findTechnique, isTechniqueId, TECHNIQUES, techniqueLabel } from './techniques.ts';
import { TECHNIQUE_TAGS } from './treatment.schema.ts';

// Sources: the billing codes are those of CMS's list of outpatient therapy codes (Annual Therapy
// Update, "always therapy" codes 97110, 97112, 97124, 97140, 97530, 97535; 97010 bundled); the
// tags follow the contraindication groups of the FSMTB MBLEx content outline ("contraindications,
// areas of caution, special populations") as summarised in clinical-reference.md.

describe('technique catalogue', () => {
  it.each<[string, string, string[]]>([
    ['myofascial_release', '97140', []],
    ['trigger_point_therapy', '97140', ['sustained_compression']],
    ['deep_tissue', '97124', ['deep_pressure', 'sustained_compression']],
    ['neuromuscular_therapy', '97140', ['sustained_compression']],
    ['swedish_effleurage', '97124', []],
    ['manual_lymphatic_drainage', '97140', ['lymphatic']],
    ['scar_tissue_mobilisation', '97140', ['friction']],
    ['pnf_stretching', '97112', ['stretching']],
    ['assisted_stretching', '97110', ['stretching']],
    ['positional_release', '97140', []],
    ['cross_fibre_friction', '97140', ['friction', 'deep_pressure']],
    ['tapotement_vibration', '97124', ['vigorous']],
    ['hot_pack', '97010', ['heat']],
  ])('%s bills under %s with tags %j', (id, code, tags) => {
    const technique = findTechnique(id);
    expect(technique?.billingCode).toBe(code);
    expect([...(technique?.tags ?? [])].sort()).toEqual([...tags].sort());
  });

  it.each(TECHNIQUES.map((technique) => [technique.id, technique] as const))(
    '%s is well formed',
    (_id, technique) => {
      expect(findBillingCode(technique.billingCode)).toBeDefined();
      expect(technique.typicalPressure.min).toBeLessThanOrEqual(technique.typicalPressure.max);
      for (const tag of technique.tags) expect(TECHNIQUE_TAGS).toContain(tag);
      expect(technique.label).not.toBe('');
      expect(technique.description).not.toBe('');
    },
  );

  it('has unique ids', () => {
    expect(new Set(TECHNIQUES.map((technique) => technique.id)).size).toBe(TECHNIQUES.length);
  });

  it('answers unknown ids plainly', () => {
    expect(isTechniqueId('reiki')).toBe(false);
    expect(techniqueLabel('reiki')).toBe('reiki');
    expect(techniqueLabel('deep_tissue')).toBe('Deep tissue massage');
  });
});
