/**
 * Catalogue of the orthopaedic and neurological special tests, each with what a positive result
 * suggests, the ICD-10-CM categories it points towards, and its published source.
 */
export type TestArea =
  | 'cervical'
  | 'thoracic_outlet'
  | 'shoulder'
  | 'elbow'
  | 'wrist_hand'
  | 'lumbar'
  | 'hip_pelvis'
  | 'tmj';

export interface Icd10Area {
  /** ICD-10-CM category (with the decimal point, as printed in the tabular list). */
  code: string;
  label: string;
}

export interface SpecialTest {
  id: string;
  name: string;
  area: TestArea;
  /** Performed on the left or right (most) or once (e.g. slump is sided; cervical distraction is not). */
  sided: boolean;
  procedure: string;
  positiveWhen: string;
  suggests: string;
  icd10: readonly Icd10Area[];
  /** Tests that record a measurement (mouth opening in mm) with the value below which it is positive. */
  measurement?: { unit: 'mm'; positiveBelow: number };
  source: string;
}

const MAGEE = 'Magee DJ. Orthopedic Physical Assessment, 6th ed. Elsevier, 2014';
const COOK =
  'Cook CE, Hegedus EJ. Orthopedic Physical Examination Tests: An Evidence-Based Approach, 2nd ed. 2013';

const CTS: Icd10Area = { code: 'G56.0', label: 'Carpal tunnel syndrome' };
const CERVICAL_RADICULOPATHY: Icd10Area = { code: 'M54.12', label: 'Radiculopathy, cervical region' };
const CERVICAL_DISC: Icd10Area = { code: 'M50.1', label: 'Cervical disc disorder with radiculopathy' };
const TOS: Icd10Area = { code: 'G54.0', label: 'Brachial plexus disorders (thoracic outlet syndrome)' };
const SCIATICA: Icd10Area = { code: 'M54.3', label: 'Sciatica' };
const LUMBAR_DISC: Icd10Area = {
  code: 'M51.1',
  label: 'Lumbar and lumbosacral intervertebral disc disorders with radiculopathy',
};
const IMPINGEMENT: Icd10Area = { code: 'M75.4', label: 'Impingement syndrome of shoulder' };
const CUFF: Icd10Area = { code: 'M75.1', label: 'Rotator cuff tear or rupture, not specified as traumatic' };
const TMJ: Icd10Area = { code: 'M26.6', label: 'Temporomandibular joint disorders' };

const test = (entry: SpecialTest): SpecialTest => entry;

export const SPECIAL_TESTS: readonly SpecialTest[] = [
  test({
    id: 'phalen',
    name: 'Phalen test',
    area: 'wrist_hand',
    sided: true,
    procedure: 'Wrists held in full flexion, backs of the hands together, for up to 60 seconds.',
    positiveWhen: 'Numbness or tingling in the median-nerve distribution of the hand.',
    suggests: 'Carpal tunnel syndrome (median nerve compression at the wrist).',
    icd10: [CTS],
    source: `Phalen GS. J Bone Joint Surg Am 1966;48:211-228; ${MAGEE}`,
  }),
  test({
    id: 'reverse_phalen',
    name: 'Reverse Phalen (prayer) test',
    area: 'wrist_hand',
    sided: true,
    procedure: 'Wrists held in full extension, palms together, for up to 60 seconds.',
    positiveWhen: 'Numbness or tingling in the median-nerve distribution.',
    suggests: 'Carpal tunnel syndrome.',
    icd10: [CTS],
    source: MAGEE,
  }),
  test({
    id: 'tinel_wrist',
    name: 'Tinel sign at the wrist',
    area: 'wrist_hand',
    sided: true,
    procedure: 'Light tapping over the median nerve at the carpal tunnel.',
    positiveWhen: 'Tingling radiating into the thumb, index and middle fingers.',
    suggests: 'Median nerve irritation at the carpal tunnel.',
    icd10: [CTS],
    source: MAGEE,
  }),
  test({
    id: 'finkelstein',
    name: 'Finkelstein test',
    area: 'wrist_hand',
    sided: true,
    procedure: 'Thumb held in the palm, wrist moved into ulnar deviation.',
    positiveWhen: 'Sharp pain over the radial styloid, worse than on the other side.',
    suggests: 'De Quervain tenosynovitis (first dorsal compartment).',
    icd10: [{ code: 'M65.4', label: 'Radial styloid tenosynovitis [de Quervain]' }],
    source: `Finkelstein H. J Bone Joint Surg 1930;12:509-540; ${MAGEE}`,
  }),
  test({
    id: 'cozen',
    name: 'Cozen test (resisted wrist extension)',
    area: 'elbow',
    sided: true,
    procedure: 'Resisted wrist extension with the forearm pronated and the fist clenched.',
    positiveWhen: 'Pain at the lateral epicondyle.',
    suggests: 'Lateral epicondylalgia (wrist extensor origin).',
    icd10: [{ code: 'M77.1', label: 'Lateral epicondylitis' }],
    source: MAGEE,
  }),
  test({
    id: 'golfers_elbow',
    name: 'Medial epicondyle test (resisted wrist flexion)',
    area: 'elbow',
    sided: true,
    procedure: 'Resisted wrist flexion and forearm pronation with the elbow extended.',
    positiveWhen: 'Pain at the medial epicondyle.',
    suggests: 'Medial epicondylalgia (flexor-pronator origin).',
    icd10: [{ code: 'M77.0', label: 'Medial epicondylitis' }],
    source: MAGEE,
  }),
  test({
    id: 'spurling',
    name: 'Spurling test',
    area: 'cervical',
    sided: true,
    procedure: 'Neck extended and side-bent towards the tested side; gentle axial compression.',
    positiveWhen: 'Pain or paraesthesia radiating into the arm on the tested side (not neck pain alone).',
    suggests: 'Cervical radiculopathy (nerve root compression at the foramen).',
    icd10: [CERVICAL_RADICULOPATHY, CERVICAL_DISC],
    source: `Spurling RG, Scoville WB. Surg Gynecol Obstet 1944;78:350-358; ${COOK}`,
  }),
  test({
    id: 'cervical_distraction',
    name: 'Cervical distraction test',
    area: 'cervical',
    sided: false,
    procedure: 'Supine or seated, the head is lifted gently to distract the cervical spine.',
    positiveWhen: 'Arm or neck symptoms are relieved.',
    suggests: 'Cervical radiculopathy or facet compression relieved by unloading.',
    icd10: [CERVICAL_RADICULOPATHY, CERVICAL_DISC],
    source: `Wainner RS et al. Spine 2003;28:52-62; ${COOK}`,
  }),
  test({
    id: 'adson',
    name: 'Adson test',
    area: 'thoracic_outlet',
    sided: true,
    procedure:
      'Radial pulse monitored; arm extended and externally rotated, head turned to the tested side, deep breath held.',
    positiveWhen: 'Radial pulse diminishes and symptoms are reproduced.',
    suggests: 'Thoracic outlet compression at the scalene triangle.',
    icd10: [TOS],
    source: `Adson AW, Coffey JR. Ann Surg 1927;85:839-857; ${MAGEE}`,
  }),
  test({
    id: 'roos',
    name: 'Roos test (elevated arm stress test, EAST)',
    area: 'thoracic_outlet',
    sided: true,
    procedure: 'Arms abducted 90° and externally rotated, hands opened and closed slowly for 3 minutes.',
    positiveWhen: 'Heaviness, fatigue, numbness or pain forces the arms down before 3 minutes.',
    suggests: 'Thoracic outlet syndrome.',
    icd10: [TOS],
    source: `Roos DB. Ann Surg 1966;163:354-358; ${MAGEE}`,
  }),
  test({
    id: 'wright',
    name: 'Wright (hyperabduction) test',
    area: 'thoracic_outlet',
    sided: true,
    procedure: 'Radial pulse monitored while the arm is taken into full abduction (hyperabduction).',
    positiveWhen: 'Pulse diminishes and symptoms are reproduced.',
    suggests: 'Thoracic outlet compression under the pectoralis minor.',
    icd10: [TOS],
    source: `Wright IS. Am Heart J 1945;29:1-19; ${MAGEE}`,
  }),
  test({
    id: 'hawkins_kennedy',
    name: 'Hawkins–Kennedy test',
    area: 'shoulder',
    sided: true,
    procedure: 'Shoulder and elbow flexed to 90°, shoulder passively rotated internally.',
    positiveWhen: 'Pain in the shoulder.',
    suggests: 'Subacromial impingement.',
    icd10: [IMPINGEMENT],
    source: `Hawkins RJ, Kennedy JC. Am J Sports Med 1980;8:151-158; ${COOK}`,
  }),
  test({
    id: 'neer',
    name: 'Neer impingement sign',
    area: 'shoulder',
    sided: true,
    procedure: 'Scapula stabilised, internally rotated arm raised passively into full flexion.',
    positiveWhen: 'Pain in the shoulder.',
    suggests: 'Subacromial impingement.',
    icd10: [IMPINGEMENT],
    source: `Neer CS. J Bone Joint Surg Am 1972;54:41-50; ${COOK}`,
  }),
  test({
    id: 'empty_can',
    name: 'Empty can (Jobe) test',
    area: 'shoulder',
    sided: true,
    procedure: 'Arm at 90° in the scapular plane, thumb down; downward pressure resisted.',
    positiveWhen: 'Pain or weakness compared with the other side.',
    suggests: 'Supraspinatus tendinopathy or tear.',
    icd10: [CUFF, IMPINGEMENT],
    source: `Jobe FW, Moynes DR. Am J Sports Med 1982;10:336-339; ${COOK}`,
  }),
  test({
    id: 'speed',
    name: 'Speed test',
    area: 'shoulder',
    sided: true,
    procedure: 'Resisted shoulder flexion with the elbow extended and the forearm supinated.',
    positiveWhen: 'Pain in the bicipital groove.',
    suggests: 'Long head of biceps tendinopathy.',
    icd10: [{ code: 'M75.2', label: 'Bicipital tendinitis' }],
    source: MAGEE,
  }),
  test({
    id: 'straight_leg_raise',
    name: 'Straight-leg raise (Lasègue)',
    area: 'lumbar',
    sided: true,
    procedure: 'Supine, the straight leg is raised passively; ankle dorsiflexion may sensitise.',
    positiveWhen: 'Leg pain below the knee reproduced between about 30° and 70° of hip flexion.',
    suggests: 'Lumbosacral nerve root tension (disc-related radiculopathy, sciatica).',
    icd10: [SCIATICA, LUMBAR_DISC],
    source: `${MAGEE}; ${COOK}`,
  }),
  test({
    id: 'slump',
    name: 'Slump test',
    area: 'lumbar',
    sided: true,
    procedure: 'Seated slump, neck flexion, knee extension and ankle dorsiflexion added in sequence.',
    positiveWhen: 'Familiar leg symptoms reproduced and eased by releasing neck flexion.',
    suggests: 'Neural tension of the lumbosacral nerve roots or sciatic nerve.',
    icd10: [SCIATICA, LUMBAR_DISC],
    source: `Maitland GD. Aust J Physiother 1985;31:215-219; ${MAGEE}`,
  }),
  test({
    id: 'faber',
    name: 'FABER (Patrick) test',
    area: 'hip_pelvis',
    sided: true,
    procedure: 'Supine, the leg placed in flexion, abduction and external rotation (figure 4), knee lowered.',
    positiveWhen: 'Groin pain (hip) or posterior pelvic pain (sacroiliac joint), or limited motion.',
    suggests: 'Hip joint pathology or sacroiliac joint dysfunction.',
    icd10: [
      { code: 'M25.55', label: 'Pain in hip' },
      { code: 'M46.1', label: 'Sacroiliitis, not elsewhere classified' },
    ],
    source: `${MAGEE}; ${COOK}`,
  }),
  test({
    id: 'fair',
    name: 'FAIR (piriformis) test',
    area: 'hip_pelvis',
    sided: true,
    procedure: 'Side-lying, the upper hip flexed, adducted and internally rotated.',
    positiveWhen: 'Buttock or sciatic-distribution pain reproduced.',
    suggests: 'Piriformis syndrome (sciatic nerve irritation at the piriformis).',
    icd10: [{ code: 'G57.0', label: 'Lesion of sciatic nerve' }],
    source: `Fishman LM et al. Arch Phys Med Rehabil 2002;83:295-301; ${MAGEE}`,
  }),
  test({
    id: 'thomas',
    name: 'Thomas test',
    area: 'hip_pelvis',
    sided: true,
    procedure: 'Supine at the table edge, one knee held to the chest, the other leg allowed to hang.',
    positiveWhen: 'The hanging thigh rises off the table (iliopsoas) or the knee extends (rectus femoris).',
    suggests: 'Shortened hip flexors.',
    icd10: [{ code: 'M62.45', label: 'Contracture of muscle, thigh' }],
    source: MAGEE,
  }),
  test({
    id: 'ober',
    name: 'Ober test',
    area: 'hip_pelvis',
    sided: true,
    procedure: 'Side-lying, the upper leg extended and abducted, then allowed to drop towards the table.',
    positiveWhen: 'The leg stays abducted and does not drop to the table.',
    suggests: 'Tight iliotibial band or tensor fasciae latae.',
    icd10: [{ code: 'M76.3', label: 'Iliotibial band syndrome' }],
    source: `Ober FR. J Bone Joint Surg 1936;18:105-110; ${MAGEE}`,
  }),
  test({
    id: 'tmj_palpation',
    name: 'TMJ and masticatory muscle palpation',
    area: 'tmj',
    sided: true,
    procedure:
      'Palpation of the joint (lateral pole) and of masseter and temporalis, at rest and on opening.',
    positiveWhen: 'Familiar pain reproduced, or clicking or crepitus on opening.',
    suggests: 'Temporomandibular disorder (myalgia or arthralgia).',
    icd10: [TMJ],
    source: `Schiffman E et al. Diagnostic Criteria for Temporomandibular Disorders (DC/TMD). J Oral Facial Pain Headache 2014;28:6-27`,
  }),
  test({
    id: 'tmj_opening',
    name: 'Maximum mouth opening',
    area: 'tmj',
    sided: false,
    procedure: 'Distance between the upper and lower incisal edges at maximum assisted opening, in mm.',
    positiveWhen: 'Opening below 40 mm.',
    suggests: 'Limited mouth opening (masticatory muscle or joint restriction).',
    icd10: [TMJ],
    measurement: { unit: 'mm', positiveBelow: 40 },
    source: 'Schiffman E et al. DC/TMD. J Oral Facial Pain Headache 2014;28:6-27 (limited opening: < 40 mm)',
  }),
];

const byId = new Map(SPECIAL_TESTS.map((entry) => [entry.id, entry]));

export function findSpecialTest(id: string): SpecialTest | undefined {
  return byId.get(id);
}
