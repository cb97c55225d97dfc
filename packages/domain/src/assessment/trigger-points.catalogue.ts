/**
 * Common myofascial trigger points with their referred-pain patterns, mapped onto the shared body
 * regions. Primary zones are where the pain is usually felt; spillover zones are felt by some
 * patients only. The patterns follow Travell & Simons' Trigger Point Manual; where the manual's
 * landmark is finer than the region model (teeth, mastoid, heel), the nearest region is used and
 * said so in the note.
 */

export interface TriggerPointMuscle {
  id: string;
  muscle: string;
  /** Regions where the trigger points themselves are palpated. */
  locationRegions: readonly string[];
  location: string;
  referral: { primary: readonly string[]; spillover: readonly string[] };
  referralNote: string;
  source: string;
}

const VOL1 =
  'Simons DG, Travell JG, Simons LS. Travell & Simons’ Myofascial Pain and Dysfunction: The Trigger Point Manual, Vol. 1: Upper Half of Body, 2nd ed. 1999';
const VOL2 =
  'Travell JG, Simons DG. Myofascial Pain and Dysfunction: The Trigger Point Manual, Vol. 2: The Lower Extremities. 1992';

const muscle = (
  id: string,
  name: string,
  locationRegions: readonly string[],
  location: string,
  primary: readonly string[],
  spillover: readonly string[],
  referralNote: string,
  source: string,
): TriggerPointMuscle => ({
  id,
  muscle: name,
  locationRegions,
  location,
  referral: { primary, spillover },
  referralNote,
  source,
});

export const TRIGGER_POINT_MUSCLES: readonly TriggerPointMuscle[] = [
  // Head and neck
  muscle(
    'upper_trapezius',
    'Upper trapezius',
    ['upper_trapezius'],
    'Free border of the upper trapezius, mid-way between neck and acromion',
    ['neck_posterior', 'ear', 'temple', 'eye_region'],
    ['occiput', 'face_jaw'],
    'Posterolateral neck to the mastoid (ear region), temple and behind the eye; a classic tension-headache source.',
    VOL1,
  ),
  muscle(
    'levator_scapulae',
    'Levator scapulae',
    ['neck_posterior', 'upper_trapezius'],
    'Angle of the neck, above the superior angle of the scapula',
    ['neck_posterior', 'scapula_medial_border', 'shoulder_posterior'],
    [],
    'Angle of the neck, along the medial border of the scapula and to the posterior shoulder.',
    VOL1,
  ),
  muscle(
    'scm_sternal',
    'Sternocleidomastoid, sternal head',
    ['neck_anterior'],
    'Along the sternal division (pincer palpation; anterior neck is an endangerment site)',
    ['head_vertex', 'occiput', 'face_jaw', 'eye_region', 'throat'],
    [],
    'Vertex, occiput, cheek, over the eye and the throat.',
    VOL1,
  ),
  muscle(
    'scm_clavicular',
    'Sternocleidomastoid, clavicular head',
    ['neck_anterior'],
    'Along the clavicular division (pincer palpation)',
    ['forehead', 'ear'],
    [],
    'Forehead and deep in and behind the ear.',
    VOL1,
  ),
  muscle(
    'suboccipitals',
    'Suboccipital muscles',
    ['occiput'],
    'Below the occipital ridge, deep to the semispinalis',
    ['occiput', 'side_of_head', 'eye_region', 'forehead'],
    [],
    'Headache felt inside the head from the occiput towards the eye and forehead, and at the side of the head.',
    VOL1,
  ),
  muscle(
    'splenius_capitis',
    'Splenius capitis',
    ['neck_posterior'],
    'Upper posterior neck, just below the mastoid',
    ['head_vertex'],
    [],
    'Vertex of the head on the same side.',
    VOL1,
  ),
  muscle(
    'temporalis',
    'Temporalis',
    ['temple'],
    'Over the temporal fossa, above the zygomatic arch',
    ['temple', 'eye_region', 'face_jaw'],
    [],
    'Temple, eyebrow (eye region) and upper teeth (face and jaw region).',
    VOL1,
  ),
  muscle(
    'masseter',
    'Masseter',
    ['face_jaw'],
    'Body of the masseter, between zygomatic arch and angle of the jaw',
    ['face_jaw', 'eye_region', 'ear'],
    [],
    'Upper and lower molars, jaw and TMJ (face and jaw region), eyebrow, and deep in the ear.',
    VOL1,
  ),
  muscle(
    'scalenes',
    'Scalenes',
    ['neck_anterior'],
    'Lateral neck behind the sternocleidomastoid (brachial plexus nearby: light pressure)',
    ['chest', 'scapula_medial_border', 'upper_arm_anterior', 'forearm_posterior', 'thumb_index'],
    ['upper_arm_posterior', 'hand_dorsum'],
    'Chest, medial scapular border, down the lateral arm to the radial forearm, thumb and index finger.',
    VOL1,
  ),
  // Shoulder girdle and arm
  muscle(
    'supraspinatus',
    'Supraspinatus',
    ['scapular'],
    'Supraspinous fossa, through the upper trapezius',
    ['deltoid', 'upper_arm_anterior', 'elbow_lateral'],
    ['forearm_posterior'],
    'Mid-deltoid, down the arm, and the lateral epicondyle.',
    VOL1,
  ),
  muscle(
    'infraspinatus',
    'Infraspinatus',
    ['scapular'],
    'Infraspinous fossa, below the spine of the scapula',
    ['shoulder_anterior', 'upper_arm_anterior', 'thumb_index'],
    ['forearm_posterior', 'scapula_medial_border'],
    'Deep in the front of the shoulder, down the anterolateral arm, to the radial side of the hand.',
    VOL1,
  ),
  muscle(
    'subscapularis',
    'Subscapularis',
    ['axilla', 'scapular'],
    'Anterior surface of the scapula, reached through the axilla (endangerment site: careful pressure)',
    ['shoulder_posterior'],
    ['scapular', 'upper_arm_posterior', 'wrist'],
    'Posterior shoulder, with spillover over the scapula, down the back of the arm and a band around the wrist.',
    VOL1,
  ),
  muscle(
    'rhomboids',
    'Rhomboids',
    ['scapula_medial_border'],
    'Between the medial border of the scapula and the spine',
    ['scapula_medial_border'],
    ['scapular'],
    'Along the medial border of the scapula.',
    VOL1,
  ),
  muscle(
    'latissimus_dorsi',
    'Latissimus dorsi',
    ['axilla', 'scapular'],
    'Posterior axillary fold',
    ['scapular'],
    ['shoulder_posterior', 'upper_arm_posterior', 'forearm_anterior', 'hand_palm'],
    'Around the inferior angle of the scapula, with spillover down the back of the arm to the ulnar hand.',
    VOL1,
  ),
  muscle(
    'pectoralis_major',
    'Pectoralis major',
    ['chest'],
    'Clavicular and sternal divisions on the anterior chest wall',
    ['chest', 'shoulder_anterior'],
    ['upper_arm_anterior', 'elbow_medial', 'forearm_anterior'],
    'Anterior chest and front of the shoulder, with spillover down the inner arm.',
    VOL1,
  ),
  muscle(
    'pectoralis_minor',
    'Pectoralis minor',
    ['chest'],
    'Below the coracoid process, deep to the pectoralis major',
    ['shoulder_anterior', 'chest'],
    ['upper_arm_anterior', 'elbow_medial', 'forearm_anterior', 'hand_palm'],
    'Front of the shoulder and chest, with spillover down the ulnar side of the arm to the last fingers.',
    VOL1,
  ),
  muscle(
    'wrist_extensors',
    'Radial wrist extensors (extensor carpi radialis longus and brevis)',
    ['forearm_posterior'],
    'Proximal dorsal forearm, just below the lateral epicondyle',
    ['elbow_lateral', 'hand_dorsum'],
    ['forearm_posterior'],
    'Lateral epicondyle and the back of the hand ("tennis elbow" pattern).',
    VOL1,
  ),
  // Trunk and pelvis
  muscle(
    'lumbar_paraspinals',
    'Lumbar paraspinals (iliocostalis and longissimus)',
    ['lumbar'],
    'Paraspinal mass beside the lumbar spine',
    ['lumbar', 'gluteal'],
    [],
    'Low back and down into the buttock.',
    VOL1,
  ),
  muscle(
    'quadratus_lumborum',
    'Quadratus lumborum',
    ['lumbar', 'iliac_crest'],
    'Between the 12th rib and the iliac crest, lateral to the paraspinals (side-lying)',
    ['sacral_si', 'gluteal', 'iliac_crest', 'groin', 'hip_lateral'],
    [],
    'Sacroiliac joint, lower buttock, iliac crest, groin and greater trochanter.',
    VOL2,
  ),
  muscle(
    'iliopsoas',
    'Iliopsoas',
    ['abdomen', 'groin'],
    'Iliacus inside the iliac crest, psoas through the abdomen; distal tendon lateral to the femoral triangle',
    ['lumbar', 'sacral_si', 'groin', 'thigh_anterior'],
    ['gluteal'],
    'Vertically along the lumbar spine to the sacroiliac joint, and to the groin and anterior thigh.',
    VOL2,
  ),
  muscle(
    'gluteus_maximus',
    'Gluteus maximus',
    ['gluteal'],
    'Near the sacrum and along the lower fibres',
    ['sacral_si', 'gluteal'],
    [],
    'Sacrum, sacroiliac region and buttock (also the coccyx).',
    VOL2,
  ),
  muscle(
    'gluteus_medius',
    'Gluteus medius',
    ['gluteal', 'iliac_crest'],
    'Just below the iliac crest',
    ['lumbar', 'sacral_si', 'gluteal'],
    ['thigh_lateral'],
    'Low back along the iliac crest, sacrum and sacroiliac joint, and the lateral buttock.',
    VOL2,
  ),
  muscle(
    'gluteus_minimus',
    'Gluteus minimus',
    ['gluteal'],
    'Deep to the gluteus medius, anterior and posterior fibres',
    ['thigh_lateral', 'thigh_posterior', 'calf', 'ankle'],
    ['gluteal'],
    'Down the lateral or posterior thigh and calf to the ankle ("pseudo-sciatica").',
    VOL2,
  ),
  muscle(
    'piriformis',
    'Piriformis',
    ['gluteal'],
    'Line from the sacrum to the greater trochanter (sciatic nerve nearby)',
    ['sacral_si', 'gluteal', 'thigh_posterior'],
    [],
    'Sacroiliac region, buttock and posterior hip, and the upper two-thirds of the posterior thigh.',
    VOL2,
  ),
  muscle(
    'tensor_fasciae_latae',
    'Tensor fasciae latae',
    ['hip_lateral'],
    'Anterolateral hip, below and in front of the iliac crest',
    ['hip_lateral', 'thigh_lateral'],
    ['knee_anterior'],
    'Greater trochanter region and down the anterolateral thigh, sometimes to the knee.',
    VOL2,
  ),
  muscle(
    'hamstrings',
    'Hamstrings',
    ['thigh_posterior'],
    'Mid and lower posterior thigh',
    ['gluteal', 'thigh_posterior'],
    ['popliteal_fossa', 'calf'],
    'Lower buttock and posterior thigh, with spillover behind the knee and into the calf.',
    VOL2,
  ),
  // Lower leg
  muscle(
    'gastrocnemius',
    'Gastrocnemius',
    ['calf'],
    'Medial and lateral heads, proximal calf (popliteal fossa above is an endangerment site)',
    ['calf', 'foot_plantar', 'popliteal_fossa'],
    ['thigh_posterior', 'ankle'],
    'Calf, behind the knee and the instep (arch of the foot, shown on the sole region).',
    VOL2,
  ),
  muscle(
    'soleus',
    'Soleus',
    ['calf'],
    'Distal calf, beside the Achilles tendon',
    ['foot_plantar', 'ankle', 'calf'],
    ['sacral_si'],
    'Heel (sole region) and back of the ankle, calf; rarely the sacroiliac joint.',
    VOL2,
  ),
];

const byId = new Map(TRIGGER_POINT_MUSCLES.map((entry) => [entry.id, entry]));

export function findTriggerPointMuscle(id: string): TriggerPointMuscle | undefined {
  return byId.get(id);
}
