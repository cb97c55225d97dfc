/**
 * Published sources the screening rules cite. Each rule names one of these (or joins two), and
 * docs/clinical-sources/screening.md records the editions followed.
 */
export const SOURCES = {
  mblex: 'FSMTB, MBLEx Content Outline (2023), "Contraindications, areas of caution, special populations"',
  pathology: "A Massage Therapist's Guide to Pathology, 7th ed. (Books of Discovery, 2019)",
  decisionTree:
    'Medical Conditions and Massage Therapy: A Decision Tree Approach (Lippincott Williams & Wilkins, 2011)',
  oncology: 'Medicine Hands: Massage Therapy for People with Cancer, 3rd ed. (Findhorn Press, 2014)',
  fever:
    'CDC, Definitions of Symptoms for Reportable Illnesses (2017): fever is a measured temperature of 100.4 °F (38 °C) or more',
  hypertension:
    '2018 ESC/ESH Guidelines for the management of arterial hypertension, Eur Heart J 2018;39:3021–3104, Table 3 (grade 1 ≥ 140/90, grade 3 ≥ 180/110 mmHg)',
  platelets:
    'NCI Common Terminology Criteria for Adverse Events v5.0 (2017): platelet count decreased, grade 3 below 50,000/mm³',
  pregnancy:
    'ACOG Committee Opinion No. 804, Physical Activity and Exercise During Pregnancy and the Postpartum Period (2020): avoid the supine position (aortocaval compression)',
  trimesters: 'ICD-10-CM FY2026 Tabular List, chapter 15: trimester definitions',
  multipleSclerosis: 'National Multiple Sclerosis Society, "Massage and Bodywork" (nationalmssociety.org)',
  dvt: 'CDC, Venous Thromboembolism (Blood Clots): signs and symptoms of DVT and PE',
} as const;

export const cite = (...keys: (keyof typeof SOURCES)[]): string => keys.map((key) => SOURCES[key]).join('; ');
