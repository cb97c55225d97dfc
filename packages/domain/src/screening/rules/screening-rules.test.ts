/**
 * Sources (each rule's own citation is in its row and in docs/clinical-sources/screening.md):
 * FSMTB MBLEx Content Outline (2023); A Massage Therapist's Guide to Pathology, 7th ed. (2019);
 * Medical Conditions and Massage Therapy: A Decision Tree Approach (2011); Medicine Hands, 3rd ed.
 * (2014); CDC fever definition (≥ 100.4 °F / 38 °C); 2018 ESC/ESH hypertension guidelines
 * (grade 3 ≥ 180/110 mmHg); NCI CTCAE v5.0 (platelets < 50,000/mm³); ACOG Committee Opinion 804;
 * National MS Society, Massage and Bodywork; Zoloft (sertraline) and Cymbalta (duloxetine) US
 * labelling, "Increased Risk of Bleeding", with de Abajo, Drugs Aging 2011 and Andrade et al.,
 * J Clin Psychiatry 2010 (SSRI/SNRI with NSAIDs, antiplatelets or anticoagulants); NIOSH Alert
 * 97-135 (latex); Anaphylaxis Campaign and AAAAI on nut oils in topical products; de Groot &
 * Schmidt, Dermatitis 2016 (essential oils); AAD, testing skin care products (2021). Every rule
 * has a row that fires and the nearest row that does not.
 */
import { describe, expect, it } from 'vitest';
import { screen } from '../engine.ts';
import {
  allergy,
  condition as c,
  daysAgo,
  injury,
  screeningInput as input,
  medication as med,
  platelets,
  pregnantFor,
  radiation,
  surgery,
} from '../screening-fixtures.ts';
import type { ScreeningInput } from '../screening-input.schema.ts';
import { SCREENING_RULES } from './screening-rules.ts';

type Row = [ruleId: string, what: string, fires: ScreeningInput, nearMiss: ScreeningInput];

const temp = (value: number, unit: 'C' | 'F' = 'C') => input({}, { temperature: { value, unit } });
const bp = (systolic: number, diastolic: number) => input({}, { bloodPressure: { systolic, diastolic } });
const symptom = (...symptoms: NonNullable<ScreeningInput['dayOf']>['symptoms'] & {}) =>
  input({}, { symptoms });
const conditions = (...list: ReturnType<typeof c>[]) => input({ conditions: list });
const pregnant = (weeks: number, days = 0, highRisk = false) =>
  input({ pregnancy: pregnantFor(weeks, days, highRisk) });
const onMeds = (...list: ReturnType<typeof med>[]) => input({ medications: list });
const lumbar = [{ regionId: 'lumbar' }];
const allergic = (...list: ReturnType<typeof allergy>[]) => input({ allergies: list });

const ROWS: Row[] = [
  ['stop.fever', '38.0 °C vs 37.9 °C', temp(38.0), temp(37.9)],
  ['stop.fever', '100.4 °F vs 100.3 °F', temp(100.4, 'F'), temp(100.3, 'F')],
  ['stop.acute_infection', 'contagious illness today', symptom('contagious_illness'), symptom()],
  [
    'stop.acute_infection',
    'influenza active vs resolved',
    conditions(c('J11.1')),
    conditions(c('J11.1', { status: 'resolved' })),
  ],
  ['stop.dvt_pe', 'calf pain and swelling', symptom('calf_pain_swelling'), symptom('fainting_or_dizziness')],
  [
    'stop.dvt_pe',
    'DVT active vs resolved',
    conditions(c('I82.409')),
    conditions(c('I82.409', { status: 'resolved' })),
  ],
  ['stop.blood_pressure_severe', '180/100 vs 179/109', bp(180, 100), bp(179, 109)],
  ['stop.blood_pressure_severe', '150/110 vs 150/109', bp(150, 110), bp(150, 109)],
  [
    'stop.hypertension_uncontrolled',
    'I10 not controlled vs controlled',
    conditions(c('I10', { controlled: false })),
    conditions(c('I10', { controlled: true })),
  ],
  ['stop.hypertension_uncontrolled', 'hypertensive crisis', conditions(c('I16.9')), conditions(c('I10'))],
  ['stop.unstable_cardiac', 'chest pain today', symptom('chest_pain'), symptom()],
  [
    'stop.unstable_cardiac',
    'unstable angina active vs resolved',
    conditions(c('I20.0')),
    conditions(c('I20.0', { status: 'resolved' })),
  ],
  [
    'stop.acute_medical',
    'new numbness or weakness',
    symptom('new_numbness_or_weakness'),
    symptom('fever_or_chills'),
  ],
  [
    'stop.platelets_low',
    '49,999 vs 50,000/µL',
    input({ labs: [platelets(49_999)] }),
    input({ labs: [platelets(50_000)] }),
  ],
  [
    'stop.platelets_low',
    'latest count decides',
    input({ labs: [platelets(150_000, 20), platelets(30_000, 2)] }),
    input({ labs: [platelets(30_000, 20), platelets(150_000, 2)] }),
  ],
  [
    'stop.ms_relapse',
    'MS relapse vs remission',
    conditions(c('G35.A', { flare: true })),
    conditions(c('G35.A')),
  ],
  [
    'avoid.wound_burn_skin_infection',
    'wound unhealed vs healed',
    input({ injuries: [injury('wound', 10)] }),
    input({ injuries: [injury('wound', 10, { healedOn: daysAgo(1) })] }),
  ],
  [
    'avoid.wound_burn_skin_infection',
    'burn today vs sprain today',
    input({}, { newInjuries: [{ kind: 'burn', date: daysAgo(0), regions: lumbar }] }),
    input({}, { newInjuries: [{ kind: 'sprain', date: daysAgo(30), regions: lumbar }] }),
  ],
  [
    'avoid.fracture_recent',
    'fracture 42 vs 43 days ago',
    input({ injuries: [injury('fracture', 42)] }),
    input({ injuries: [injury('fracture', 43)] }),
  ],
  [
    'avoid.acute_sprain_bruise',
    'sprain 7 vs 8 days ago',
    input({ injuries: [injury('sprain', 7)] }),
    input({ injuries: [injury('sprain', 8)] }),
  ],
  [
    'avoid.acute_sprain_bruise',
    'bruise told today vs 8 days old',
    input({}, { newInjuries: [{ kind: 'bruise', date: daysAgo(1), regions: lumbar }] }),
    input({}, { newInjuries: [{ kind: 'bruise', date: daysAgo(8), regions: lumbar }] }),
  ],
  [
    'avoid.surgical_site_recent',
    'surgery 41 vs 43 days ago',
    input({ surgeries: [surgery(41, 'lumbar')] }),
    input({ surgeries: [surgery(43, 'lumbar')] }),
  ],
  [
    'avoid.surgical_site_recent',
    'surgeon extends the window',
    input({ surgeries: [surgery(60, 'lumbar', { avoidUntil: daysAgo(0) })] }),
    input({ surgeries: [surgery(60, 'lumbar', { avoidUntil: daysAgo(1) })] }),
  ],
  [
    'avoid.surgical_site_recent',
    'procedure told on the day',
    input(
      {},
      { recentProcedures: [{ date: daysAgo(2), description: 'Steroid injection', regions: lumbar }] },
    ),
    input({}, {}),
  ],
  [
    'avoid.vascular',
    'varicose veins active vs resolved',
    conditions(c('I83.91')),
    conditions(c('I83.91', { status: 'resolved' })),
  ],
  ['avoid.vascular', 'aneurysm', conditions(c('I71.40')), conditions(c('I10'))],
  [
    'avoid.joint_flare',
    'RA flare vs quiet',
    conditions(c('M06.9', { flare: true, regions: [{ regionId: 'wrist', side: 'left' }] })),
    conditions(c('M06.9')),
  ],
  [
    'avoid.tumour_site',
    'tumour marked vs history of cancer',
    conditions(c('C50.912', { regions: [{ regionId: 'breast', side: 'left' }] })),
    conditions(c('Z85.3', { regions: [{ regionId: 'breast', side: 'left' }] })),
  ],
  [
    'avoid.radiation_field',
    'ended 42 vs 43 days ago',
    input({ radiation: [radiation(42)] }),
    input({ radiation: [radiation(43)] }),
  ],
  ['avoid.radiation_field', 'ongoing', input({ radiation: [radiation(undefined)] }), input({})],
  ['modify.pregnancy_first_trimester', '13w6d vs 14w0d', pregnant(13, 6), pregnant(14, 0)],
  ['modify.pregnancy_no_supine', '20w0d vs 19w6d', pregnant(20, 0), pregnant(19, 6)],
  ['modify.pregnancy_no_supine', '23 vs 19 weeks', pregnant(23), pregnant(19)],
  [
    'modify.pregnancy_legs',
    'pregnant vs no longer',
    pregnant(10),
    input({ pregnancy: pregnantFor(10) }, { pregnancyUpdate: { status: 'not_pregnant' } }),
  ],
  [
    'modify.pregnancy_legs',
    'pregnancy told on the day',
    input({}, { pregnancyUpdate: { status: 'pregnant', edd: daysAgo(-200), highRisk: false } }),
    input({}),
  ],
  ['modify.pregnancy_high_risk', 'high-risk vs not', pregnant(30, 0, true), pregnant(30, 0, false)],
  [
    'modify.bleeding_risk',
    'warfarin vs stopped',
    onMeds(med('Warfarin', 'anticoagulant')),
    onMeds(med('Warfarin', 'anticoagulant', { stoppedOn: daysAgo(1) })),
  ],
  [
    'modify.bleeding_risk',
    'new antiplatelet today',
    input({}, { newMedications: [{ name: 'Clopidogrel', class: 'antiplatelet' }] }),
    input({}, { newMedications: [{ name: 'Sertraline', class: 'antidepressant' }] }),
  ],
  ['modify.bleeding_risk', 'haemophilia', conditions(c('D66')), conditions(c('R52'))],
  ['modify.osteoporosis', 'osteoporosis vs osteoarthritis', conditions(c('M81.0')), conditions(c('M17.11'))],
  ['modify.cancer', 'breast cancer vs history of it', conditions(c('C50.911')), conditions(c('Z85.3'))],
  [
    'modify.radiation_skin',
    'ended 43 vs 42 days ago',
    input({ radiation: [radiation(43)] }),
    input({ radiation: [radiation(42)] }),
  ],
  [
    'modify.lymph_node_quadrant',
    'nodes removed vs not',
    input({ surgeries: [surgery(400, 'breast', { lymphNodeRemoval: { site: 'axillary', side: 'left' } })] }),
    input({ surgeries: [surgery(400, 'breast')] }),
  ],
  [
    'modify.lymphedema',
    'post-mastectomy lymphoedema vs local oedema',
    conditions(c('I97.2')),
    conditions(c('R60.0')),
  ],
  [
    'modify.diabetic_neuropathy',
    'with vs without neuropathy',
    conditions(c('E11.42')),
    conditions(c('E11.9')),
  ],
  [
    'modify.hypertension',
    'treated hypertension',
    conditions(c('I10')),
    conditions(c('I10', { status: 'resolved' })),
  ],
  ['modify.hypertension', '140/85 vs 139/89 today', bp(140, 85), bp(139, 89)],
  [
    'modify.ms_remission',
    'remission vs relapse',
    conditions(c('G35.B2')),
    conditions(c('G35.B2', { flare: true })),
  ],
  [
    'modify.corticosteroid',
    'prednisone vs other',
    onMeds(med('Prednisone', 'corticosteroid')),
    onMeds(med('Levothyroxine', 'hormone')),
  ],
  [
    'modify.pain_masking_medication',
    'muscle relaxant vs antidepressant',
    onMeds(med('Cyclobenzaprine', 'muscle_relaxant')),
    onMeds(med('Sertraline', 'antidepressant')),
  ],
  [
    'modify.pain_masking_medication',
    'NSAID starting tomorrow',
    onMeds(med('Ibuprofen', 'nsaid', { startedOn: daysAgo(0) })),
    onMeds(med('Ibuprofen', 'nsaid', { startedOn: daysAgo(-1) })),
  ],
  [
    'modify.serotonergic_bleeding',
    'sertraline by name with ibuprofen vs sertraline alone',
    onMeds(med('Sertraline 50 mg', 'ssri'), med('Ibuprofen', 'nsaid')),
    onMeds(med('Sertraline 50 mg', 'ssri')),
  ],
  [
    'modify.serotonergic_bleeding',
    'an older "antidepressant" entry named sertraline, with warfarin vs with paracetamol',
    onMeds(med('Sertraline', 'antidepressant'), med('Warfarin', 'anticoagulant')),
    onMeds(med('Sertraline', 'antidepressant'), med('Acetaminophen', 'other_analgesic')),
  ],
  [
    'modify.serotonergic_bleeding',
    'duloxetine with aspirin started today vs aspirin stopped',
    input(
      { medications: [med('Duloxetine', 'snri')] },
      { newMedications: [{ name: 'Aspirin 81 mg', class: 'antiplatelet' }] },
    ),
    onMeds(med('Duloxetine', 'snri'), med('Aspirin', 'antiplatelet', { stoppedOn: daysAgo(3) })),
  ],
  [
    'modify.serotonergic_bleeding',
    'venlafaxine with naproxen vs bupropion (not a serotonin reuptake inhibitor) with naproxen',
    onMeds(med('Venlafaxine', 'snri'), med('Naproxen', 'nsaid')),
    onMeds(med('Bupropion', 'antidepressant'), med('Naproxen', 'nsaid')),
  ],
  [
    'modify.allergy_nut_oil',
    'almond oil vs a food allergy to shellfish',
    allergic(allergy('Almond oil', 'nut_oil')),
    allergic(allergy('Shellfish', 'food')),
  ],
  [
    'modify.allergy_nut_oil',
    'peanut food allergy vs nutmeg',
    allergic(allergy('Peanuts', 'food', { severity: 'severe' })),
    allergic(allergy('Nutmeg', 'food')),
  ],
  [
    'modify.allergy_latex',
    'latex vs adhesive tape',
    allergic(allergy('Latex gloves', 'latex')),
    allergic(allergy('Kinesiology tape', 'adhesive')),
  ],
  [
    'modify.allergy_fragrance',
    'lavender essential oil vs lanolin',
    allergic(allergy('Lavender', 'essential_oil')),
    allergic(allergy('Lanolin', 'lotion_ingredient')),
  ],
  [
    'modify.allergy_fragrance',
    'perfume recorded as "other" vs a medication allergy',
    allergic(allergy('Perfume', 'other')),
    allergic(allergy('Penicillin', 'medication')),
  ],
  [
    'modify.allergy_lubricant',
    'a massage oil vs a latex allergy',
    allergic(allergy('Grapeseed massage oil', 'massage_oil')),
    allergic(allergy('Latex', 'latex')),
  ],
  [
    'modify.feeling_unwell',
    'unwell vs well',
    input({}, { feelingUnwell: true }),
    input({}, { feelingUnwell: false }),
  ],
  [
    'physician.avoid_region',
    'ordered avoid',
    input({}, {}, [{ kind: 'avoid_region', regions: lumbar }]),
    input({}, {}, [{ kind: 'no_heat' }]),
  ],
  [
    'physician.precaution',
    'no deep pressure left leg',
    input({}, {}, [{ kind: 'no_deep_pressure', regions: [{ regionId: 'calf', side: 'left' }] }]),
    input({}, {}, [{ kind: 'avoid_region', regions: lumbar }]),
  ],
];

const ruleIds = (i: ScreeningInput) => screen(i).findings.map((f) => f.ruleId);

describe('each rule fires, and its near miss does not', () => {
  it.each(ROWS)('%s — %s', (ruleId, _, fires, nearMiss) => {
    expect(ruleIds(fires)).toContain(ruleId);
    expect(ruleIds(nearMiss)).not.toContain(ruleId);
  });

  it('has a row for every rule except the standing one', () => {
    const covered = new Set(ROWS.map(([id]) => id));
    const missing = SCREENING_RULES.filter(
      (r) => !covered.has(r.id) && r.id !== 'modify.endangerment_sites',
    ).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('gives every rule a unique id, a source and a title', () => {
    expect(new Set(SCREENING_RULES.map((r) => r.id)).size).toBe(SCREENING_RULES.length);
    for (const rule of SCREENING_RULES) expect(rule.source.length * rule.title.length).toBeGreaterThan(0);
  });

  it('stamps each finding with its rule severity and source', () => {
    const { findings } = screen(ROWS[0]![2]);
    const rule = SCREENING_RULES.find((r) => r.id === 'stop.fever')!;
    expect(findings[0]).toMatchObject({ ruleId: 'stop.fever', severity: 'stop', source: rule.source });
  });
});
