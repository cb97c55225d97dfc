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
  ssriLabel:
    'US prescribing information, Warnings and Precautions "Increased Risk of Bleeding": Zoloft (sertraline) §5.3 and Cymbalta (duloxetine) — drugs that interfere with serotonin reuptake increase the risk of bleeding events (ecchymoses, hematomas, epistaxis, petechiae to life-threatening haemorrhage); aspirin, NSAIDs, other antiplatelet drugs, warfarin and other anticoagulants add to the risk',
  ssriReview:
    'de Abajo FJ. Effects of selective serotonin reuptake inhibitors on platelet function: mechanisms, clinical outcomes and implications for use in elderly patients. Drugs Aging 2011;28(5):345–367; Andrade C, Sandarsh S, Chethan KB, Nagesh KS. Serotonin reuptake inhibitor antidepressants and abnormal bleeding: a review for clinicians and a reconsideration of mechanisms. J Clin Psychiatry 2010;71(12):1565–1575',
  latex:
    'NIOSH Alert: Preventing Allergic Reactions to Natural Rubber Latex in the Workplace, DHHS (NIOSH) Publication No. 97-135 (1997): avoid contact with latex products; use non-latex gloves',
  nutOil:
    'Anaphylaxis Campaign (UK), factsheet on cosmetics, toiletries and other non-food products: if allergic to a food known to be in a non-food product, avoid using it; AAAAI Ask the Expert, "Food allergy: nut oils in topical products"',
  essentialOils:
    'de Groot AC, Schmidt E. Essential Oils, Part IV: Contact Allergy. Dermatitis 2016;27(4), doi:10.1097/DER.0000000000000197 (nearly 80 essential oils have caused contact allergy; occupational dermatitis in people giving massage)',
  productTest:
    'American Academy of Dermatology, "How to test skin care products before use" (2021): apply a new product to a small test spot twice daily for 7–10 days before normal use',
} as const;

export const cite = (...keys: (keyof typeof SOURCES)[]): string => keys.map((key) => SOURCES[key]).join('; ');
