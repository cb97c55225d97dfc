/**
 * Which screening rules a coded condition concerns, by ICD-10-CM code prefix. Rules speak of
 * clinical concepts ("bleeding disorder", "osteoporosis"), the history speaks ICD-10-CM: this table
 * is the one place that joins them, so a new code family is a new prefix here, not a new rule.
 */
import type { RegionTarget } from './types.ts';

export type ConditionConcept =
  | 'acute_infection'
  | 'skin_infection'
  | 'dvt_pe'
  | 'unstable_cardiac'
  | 'hypertension'
  | 'hypertensive_crisis'
  | 'bleeding_disorder'
  | 'osteoporosis'
  | 'cancer'
  | 'lymphedema'
  | 'diabetic_neuropathy'
  | 'multiple_sclerosis'
  | 'varicose_veins'
  | 'phlebitis'
  | 'aneurysm'
  | 'inflammatory_joint';

const PREFIXES: Record<ConditionConcept, readonly string[]> = {
  acute_infection: [
    'A08',
    'A09',
    'B01',
    'B05',
    'B26',
    'J0',
    'J09',
    'J1',
    'J20',
    'J21',
    'J22',
    'L03',
    'U07.1',
  ],
  skin_infection: ['B02', 'B35', 'B86', 'L01', 'L02', 'L08'],
  dvt_pe: ['I26', 'I80.1', 'I80.2', 'I82.4', 'I82.5', 'I82.6'],
  unstable_cardiac: ['I20.0', 'I21', 'I22', 'I24', 'I46'],
  hypertension: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16'],
  hypertensive_crisis: ['I16'],
  bleeding_disorder: ['D65', 'D66', 'D67', 'D68', 'D69'],
  osteoporosis: ['M80', 'M81'],
  cancer: ['C'],
  lymphedema: ['I89.0', 'I97.2', 'Q82.0'],
  diabetic_neuropathy: ['E08.4', 'E09.4', 'E10.4', 'E11.4', 'E13.4'],
  multiple_sclerosis: ['G35'],
  varicose_veins: ['I83'],
  phlebitis: ['I80.0', 'I80.3', 'I80.8', 'I80.9'],
  aneurysm: ['I71', 'I72'],
  inflammatory_joint: ['M05', 'M06', 'M08', 'M10', 'M11', 'M1A', 'M45'],
};

export function conceptsOf(code: string | undefined): Set<ConditionConcept> {
  const concepts = new Set<ConditionConcept>();
  if (!code) return concepts;
  for (const [concept, prefixes] of Object.entries(PREFIXES) as [ConditionConcept, readonly string[]][]) {
    if (prefixes.some((prefix) => code.startsWith(prefix))) concepts.add(concept);
  }
  return concepts;
}

const both = (...ids: string[]): RegionTarget[] => ids.map((regionId) => ({ regionId }));

/** Where to stay away from when a condition was coded without marking its site on the body chart. */
export const DEFAULT_SITES: Partial<Record<ConditionConcept, RegionTarget[]>> = {
  varicose_veins: both('calf', 'popliteal_fossa', 'thigh_medial', 'thigh_posterior', 'shin'),
  phlebitis: both('calf', 'popliteal_fossa', 'thigh_medial', 'thigh_posterior', 'shin'),
  aneurysm: both('abdomen'),
  diabetic_neuropathy: both('foot_plantar', 'foot_dorsum', 'ankle', 'shin', 'calf'),
};
