/**
 * The ICD-10-CM codes a massage clinic meets most, bundled so that a referral or a history entry can
 * be coded without a network lookup. Codes and their billable status follow the FY2026 ICD-10-CM
 * code set (CMS/NCHS, effective 2025-10-01); descriptions are the project's own short wording.
 * ICD-10-CM is a public-domain work of the US government.
 *
 * billable: true only for a code valid at its deepest level. A category or subcategory that has
 * children (M54.5 since FY2022, G35 since FY2026, G20 since FY2024) is listed so that a search
 * for it explains itself, but it is never billable.
 */
import { type Icd10Row, MUSCULOSKELETAL_ROWS } from './icd10-musculoskeletal-codes.ts';

export type Icd10Group =
  | 'spine'
  | 'soft_tissue'
  | 'joint'
  | 'nerve'
  | 'headache'
  | 'neurological'
  | 'pregnancy'
  | 'aftercare'
  | 'vascular_lymphatic'
  | 'injury'
  | 'oncology'
  | 'general';

export const ICD10_GROUP_LABELS: Record<Icd10Group, string> = {
  spine: 'Back and neck',
  soft_tissue: 'Muscle, fascia and soft tissue',
  joint: 'Joints',
  nerve: 'Nerve entrapment and neuropathy',
  headache: 'Headache and facial pain',
  neurological: 'Neurological conditions',
  pregnancy: 'Pregnancy and postpartum',
  aftercare: 'Post-surgical aftercare and status',
  vascular_lymphatic: 'Circulation and lymphoedema',
  injury: 'Sprains, strains and injuries',
  oncology: 'Cancer',
  general: 'General and systemic',
};

export interface Icd10Code {
  /** With the decimal point, as printed (claims carry it without, see icd10.ts). */
  code: string;
  description: string;
  billable: boolean;
  /** ICD-10-CM chapter number (1–22), derived from the code's letter range. */
  chapter: number;
  group: Icd10Group;
  /** Other words people use for it ("lumbago", "whiplash"), for search only. */
  keywords?: readonly string[];
}

/** ICD-10-CM chapters by first code of each range, in order. */
const CHAPTER_STARTS: readonly [string, number][] = [
  ['A00', 1],
  ['C00', 2],
  ['D50', 3],
  ['E00', 4],
  ['F01', 5],
  ['G00', 6],
  ['H00', 7],
  ['H60', 8],
  ['I00', 9],
  ['J00', 10],
  ['K00', 11],
  ['L00', 12],
  ['M00', 13],
  ['N00', 14],
  ['O00', 15],
  ['P00', 16],
  ['Q00', 17],
  ['R00', 18],
  ['S00', 19],
  ['U00', 22],
  ['V00', 20],
  ['Z00', 21],
];

export function icd10Chapter(code: string): number {
  const head = code.slice(0, 3).toUpperCase();
  let chapter = 0;
  for (const [start, number] of CHAPTER_STARTS) if (head >= start) chapter = number;
  return chapter;
}

type Row = Icd10Row;

/** Rows per group: a row is billable unless its code is in HEADERS. */
const ROWS: Record<Icd10Group, readonly Row[]> = {
  ...MUSCULOSKELETAL_ROWS,
  nerve: [
    ['G56.0', 'Carpal tunnel syndrome'],
    ['G56.00', 'Carpal tunnel syndrome, unspecified upper limb', ['CTS', 'median nerve']],
    ['G56.01', 'Carpal tunnel syndrome, right upper limb', ['CTS', 'median nerve']],
    ['G56.02', 'Carpal tunnel syndrome, left upper limb', ['CTS', 'median nerve']],
    ['G56.03', 'Carpal tunnel syndrome, bilateral upper limbs', ['CTS', 'median nerve']],
    ['G56.21', 'Lesion of ulnar nerve, right upper limb', ['cubital tunnel']],
    ['G56.22', 'Lesion of ulnar nerve, left upper limb', ['cubital tunnel']],
    ['G54.0', 'Brachial plexus disorders', ['thoracic outlet syndrome', 'TOS']],
    ['G54.2', 'Cervical root disorders, not elsewhere classified'],
    ['G57.01', 'Lesion of sciatic nerve, right lower limb', ['piriformis syndrome']],
    ['G57.02', 'Lesion of sciatic nerve, left lower limb', ['piriformis syndrome']],
    ['G57.11', 'Meralgia paresthetica, right lower limb', ['lateral femoral cutaneous nerve']],
    ['G57.12', 'Meralgia paresthetica, left lower limb', ['lateral femoral cutaneous nerve']],
    ['G57.61', 'Lesion of plantar nerve, right lower limb', ['Morton neuroma']],
    ['G57.62', 'Lesion of plantar nerve, left lower limb', ['Morton neuroma']],
    ['G62.9', 'Polyneuropathy, unspecified', ['peripheral neuropathy']],
    ['E11.40', 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified'],
    ['E11.42', 'Type 2 diabetes mellitus with diabetic polyneuropathy', ['diabetic neuropathy']],
    ['E10.42', 'Type 1 diabetes mellitus with diabetic polyneuropathy', ['diabetic neuropathy']],
    ['G90.50', 'Complex regional pain syndrome I, unspecified', ['CRPS', 'reflex sympathetic dystrophy']],
    ['R20.2', 'Paresthesia of skin', ['tingling', 'pins and needles']],
  ],
  headache: [
    ['G43.009', 'Migraine without aura, not intractable, without status migrainosus'],
    ['G43.019', 'Migraine without aura, intractable, without status migrainosus'],
    ['G43.109', 'Migraine with aura, not intractable, without status migrainosus'],
    ['G43.119', 'Migraine with aura, intractable, without status migrainosus'],
    ['G43.709', 'Chronic migraine without aura, not intractable, without status migrainosus'],
    ['G43.719', 'Chronic migraine without aura, intractable, without status migrainosus'],
    ['G43.909', 'Migraine, unspecified, not intractable, without status migrainosus'],
    ['G43.919', 'Migraine, unspecified, intractable, without status migrainosus'],
    ['G44.20', 'Tension-type headache, unspecified'],
    ['G44.201', 'Tension-type headache, unspecified, intractable'],
    ['G44.209', 'Tension-type headache, unspecified, not intractable'],
    ['G44.21', 'Episodic tension-type headache'],
    ['G44.211', 'Episodic tension-type headache, intractable'],
    ['G44.219', 'Episodic tension-type headache, not intractable'],
    ['G44.22', 'Chronic tension-type headache'],
    ['G44.221', 'Chronic tension-type headache, intractable'],
    ['G44.229', 'Chronic tension-type headache, not intractable'],
    ['G44.86', 'Cervicogenic headache'],
    ['G44.309', 'Post-traumatic headache, unspecified, not intractable'],
    ['R51.9', 'Headache, unspecified'],
    ['G50.0', 'Trigeminal neuralgia'],
    ['G51.0', 'Bell palsy', ['facial palsy']],
  ],
  neurological: [
    ['G35', 'Multiple sclerosis'],
    ['G35.A', 'Relapsing-remitting multiple sclerosis', ['MS', 'RRMS']],
    ['G35.B', 'Primary progressive multiple sclerosis'],
    ['G35.B0', 'Primary progressive multiple sclerosis, activity unspecified', ['MS', 'PPMS']],
    ['G35.B1', 'Active primary progressive multiple sclerosis', ['MS', 'PPMS']],
    ['G35.B2', 'Non-active primary progressive multiple sclerosis', ['MS', 'PPMS']],
    ['G35.C', 'Secondary progressive multiple sclerosis'],
    ['G35.C0', 'Secondary progressive multiple sclerosis, activity unspecified', ['MS', 'SPMS']],
    ['G35.C1', 'Active secondary progressive multiple sclerosis', ['MS', 'SPMS']],
    ['G35.C2', 'Non-active secondary progressive multiple sclerosis', ['MS', 'SPMS']],
    ['G35.D', 'Multiple sclerosis, unspecified', ['MS']],
    ['G20', 'Parkinson disease'],
    ['G20.A', 'Parkinson disease without dyskinesia'],
    ['G20.A1', 'Parkinson disease without dyskinesia, without mention of fluctuations', ['Parkinson']],
    ['G20.A2', 'Parkinson disease without dyskinesia, with fluctuations', ['Parkinson']],
    ['G20.B', 'Parkinson disease with dyskinesia'],
    ['G20.B1', 'Parkinson disease with dyskinesia, without mention of fluctuations', ['Parkinson']],
    ['G20.B2', 'Parkinson disease with dyskinesia, with fluctuations', ['Parkinson']],
    ['G20.C', 'Parkinsonism, unspecified'],
    ['G80.9', 'Cerebral palsy, unspecified'],
    ['G25.81', 'Restless legs syndrome'],
    ['G93.32', 'Myalgic encephalomyelitis/chronic fatigue syndrome', ['ME/CFS', 'chronic fatigue']],
    ['I69.351', 'Hemiplegia after cerebral infarction, right dominant side', ['stroke']],
    ['I69.354', 'Hemiplegia after cerebral infarction, left non-dominant side', ['stroke']],
  ],
  pregnancy: [
    ['O26.89', 'Other specified pregnancy related conditions'],
    ['O26.891', 'Other specified pregnancy related conditions, first trimester'],
    ['O26.892', 'Other specified pregnancy related conditions, second trimester'],
    ['O26.893', 'Other specified pregnancy related conditions, third trimester'],
    ['O26.899', 'Other specified pregnancy related conditions, unspecified trimester'],
    ['O26.71', 'Subluxation of symphysis (pubis) in pregnancy'],
    ['O26.711', 'Subluxation of symphysis (pubis) in pregnancy, first trimester', ['pelvic girdle pain']],
    ['O26.712', 'Subluxation of symphysis (pubis) in pregnancy, second trimester', ['pelvic girdle pain']],
    ['O26.713', 'Subluxation of symphysis (pubis) in pregnancy, third trimester', ['pelvic girdle pain']],
    ['O99.89', 'Other specified diseases complicating pregnancy, childbirth and the puerperium'],
    ['O09.9', 'Supervision of high risk pregnancy, unspecified'],
    ['O09.90', 'Supervision of high risk pregnancy, unspecified, unspecified trimester'],
    ['O09.91', 'Supervision of high risk pregnancy, unspecified, first trimester'],
    ['O09.92', 'Supervision of high risk pregnancy, unspecified, second trimester'],
    ['O09.93', 'Supervision of high risk pregnancy, unspecified, third trimester'],
    ['Z33.1', 'Pregnant state, incidental'],
    ['Z39.2', 'Encounter for routine postpartum follow-up'],
    ['Z3A', 'Weeks of gestation'],
    ['Z3A.00', 'Weeks of gestation of pregnancy not specified'],
    ['Z3A.01', 'Less than 8 weeks gestation of pregnancy'],
    // Z3A.08–Z3A.42 are added below, one per completed week.
    ['Z3A.49', 'Greater than 42 weeks gestation of pregnancy'],
  ],
  aftercare: [
    ['Z47.1', 'Aftercare following joint replacement surgery'],
    ['Z47.2', 'Encounter for removal of internal fixation device'],
    ['Z47.82', 'Encounter for orthopedic aftercare following scoliosis surgery'],
    ['Z47.89', 'Encounter for other orthopedic aftercare'],
    ['Z48.3', 'Aftercare following surgery for neoplasm'],
    ['Z48.811', 'Encounter for surgical aftercare following surgery on the nervous system'],
    ['Z48.812', 'Encounter for surgical aftercare following surgery on the circulatory system'],
    ['Z48.817', 'Encounter for surgical aftercare following surgery on the skin and subcutaneous tissue'],
    ['Z48.89', 'Encounter for other specified surgical aftercare'],
    ['Z96.641', 'Presence of right artificial hip joint', ['hip replacement']],
    ['Z96.642', 'Presence of left artificial hip joint', ['hip replacement']],
    ['Z96.651', 'Presence of right artificial knee joint', ['knee replacement']],
    ['Z96.652', 'Presence of left artificial knee joint', ['knee replacement']],
    ['Z98.1', 'Arthrodesis status', ['spinal fusion']],
    ['Z95.0', 'Presence of cardiac pacemaker'],
    ['Z79.01', 'Long term (current) use of anticoagulants', ['blood thinner', 'warfarin']],
    ['Z79.02', 'Long term (current) use of antithrombotics/antiplatelets'],
    ['Z79.52', 'Long term (current) use of systemic steroids'],
    ['Z92.3', 'Personal history of irradiation', ['radiation therapy']],
  ],
  vascular_lymphatic: [
    ['I89.0', 'Lymphedema, not elsewhere classified', ['lymphoedema', 'swelling']],
    ['I97.2', 'Postmastectomy lymphedema syndrome', ['lymphoedema']],
    ['I83.90', 'Asymptomatic varicose veins of unspecified lower extremity'],
    ['I83.91', 'Asymptomatic varicose veins of right lower extremity'],
    ['I83.92', 'Asymptomatic varicose veins of left lower extremity'],
    ['I83.93', 'Asymptomatic varicose veins of bilateral lower extremities'],
    ['I80.3', 'Phlebitis and thrombophlebitis of lower extremities, unspecified'],
    ['I82.409', 'Acute deep vein thrombosis of unspecified lower extremity, unspecified veins', ['DVT']],
    ['I26.99', 'Other pulmonary embolism without acute cor pulmonale', ['PE']],
    ['I71.40', 'Abdominal aortic aneurysm, without rupture, unspecified', ['AAA']],
    ['I10', 'Essential (primary) hypertension', ['high blood pressure']],
    ['I16.9', 'Hypertensive crisis, unspecified'],
    ['I20.0', 'Unstable angina'],
    ['I73.00', 'Raynaud syndrome without gangrene'],
    ['D68.9', 'Coagulation defect, unspecified', ['bleeding disorder']],
    ['D66', 'Hereditary factor VIII deficiency', ['hemophilia', 'haemophilia']],
    ['D69.6', 'Thrombocytopenia, unspecified', ['low platelets']],
    ['R60.0', 'Localized edema', ['swelling']],
  ],
  injury: [
    ['S13.4XXA', 'Sprain of ligaments of cervical spine, initial encounter', ['whiplash']],
    ['S13.4XXD', 'Sprain of ligaments of cervical spine, subsequent encounter', ['whiplash']],
    ['S13.4XXS', 'Sprain of ligaments of cervical spine, sequela', ['whiplash']],
    ['S16.1XXA', 'Strain of muscle, fascia and tendon at neck level, initial encounter'],
    ['S16.1XXD', 'Strain of muscle, fascia and tendon at neck level, subsequent encounter'],
    ['S29.012A', 'Strain of muscle and tendon of back wall of thorax, initial encounter'],
    ['S33.5XXA', 'Sprain of ligaments of lumbar spine, initial encounter'],
    ['S33.5XXD', 'Sprain of ligaments of lumbar spine, subsequent encounter'],
    ['S39.012A', 'Strain of muscle, fascia and tendon of lower back, initial encounter'],
    ['S39.012D', 'Strain of muscle, fascia and tendon of lower back, subsequent encounter'],
    ['S46.011A', 'Strain of rotator cuff of right shoulder, initial encounter'],
    ['S46.012A', 'Strain of rotator cuff of left shoulder, initial encounter'],
    ['S93.401A', 'Sprain of unspecified ligament of right ankle, initial encounter'],
    ['S93.402A', 'Sprain of unspecified ligament of left ankle, initial encounter'],
    ['S76.311A', 'Strain of posterior thigh muscles, right thigh, initial encounter', ['hamstring']],
    ['S76.312A', 'Strain of posterior thigh muscles, left thigh, initial encounter', ['hamstring']],
  ],
  oncology: [
    ['C50.911', 'Malignant neoplasm of unspecified site of right female breast', ['breast cancer']],
    ['C50.912', 'Malignant neoplasm of unspecified site of left female breast', ['breast cancer']],
    ['C79.51', 'Secondary malignant neoplasm of bone', ['bone metastasis']],
    ['C80.1', 'Malignant (primary) neoplasm, unspecified', ['cancer']],
    ['Z85.3', 'Personal history of malignant neoplasm of breast'],
    ['Z90.11', 'Acquired absence of right breast and nipple', ['mastectomy']],
    ['Z90.12', 'Acquired absence of left breast and nipple', ['mastectomy']],
  ],
  general: [
    ['G89.29', 'Other chronic pain'],
    ['G89.4', 'Chronic pain syndrome'],
    ['R52', 'Pain, unspecified'],
    ['R26.2', 'Difficulty in walking, not elsewhere classified'],
    ['R53.83', 'Other fatigue'],
    ['F43.10', 'Post-traumatic stress disorder, unspecified', ['PTSD']],
    ['F43.11', 'Post-traumatic stress disorder, acute', ['PTSD']],
    ['F43.12', 'Post-traumatic stress disorder, chronic', ['PTSD']],
    ['F41.1', 'Generalized anxiety disorder'],
    ['G47.00', 'Insomnia, unspecified'],
    ['E11.9', 'Type 2 diabetes mellitus without complications'],
    ['J06.9', 'Acute upper respiratory infection, unspecified', ['cold']],
    ['J11.1', 'Influenza with other respiratory manifestations', ['flu']],
    ['U07.1', 'COVID-19'],
    ['L03.90', 'Cellulitis, unspecified', ['skin infection']],
  ],
};

/** Codes that have children in the code set: listed for search, never billable. */
const HEADERS: ReadonlySet<string> = new Set([
  ...['M54', 'M54.1', 'M54.3', 'M54.4', 'M54.5', 'M54.8', 'M48.06', 'M51.36', 'M79.1', 'M79.6', 'M62.83'],
  ...['M25.5', 'M26.60', 'M26.62', 'M26.63', 'G56.0', 'G44.20', 'G44.21', 'G44.22'],
  ...['G35', 'G35.B', 'G35.C', 'G20', 'G20.A', 'G20.B', 'O26.89', 'O26.71', 'O09.9', 'Z3A'],
]);

const GESTATION_WEEKS: readonly Row[] = Array.from({ length: 42 - 8 + 1 }, (_, i) => {
  const week = i + 8;
  return [`Z3A.${String(week).padStart(2, '0')}`, `${week} weeks gestation of pregnancy`] as const;
});

function build(group: Icd10Group, rows: readonly Row[]): Icd10Code[] {
  return rows.map(([code, description, keywords]) => ({
    code,
    description,
    billable: !HEADERS.has(code),
    chapter: icd10Chapter(code),
    group,
    ...(keywords ? { keywords } : {}),
  }));
}

export const ICD10_CATALOGUE: readonly Icd10Code[] = [
  ...(Object.entries(ROWS) as [Icd10Group, readonly Row[]][]).flatMap(([group, rows]) => build(group, rows)),
  ...build('pregnancy', GESTATION_WEEKS),
];

/** The code-set edition the catalogue follows. */
export const ICD10_EDITION = 'ICD-10-CM FY2026 (effective 2025-10-01)';
