// Referral patterns: Simons DG, Travell JG, Simons LS. Travell & Simons' Myofascial Pain and
// Dysfunction: The Trigger Point Manual, Vol. 1, 2nd ed. 1999, and Travell JG, Simons DG, Vol. 2,
// 1992, as summarised in the project's clinical reference (Trigger-point referral table).
import { describe, expect, it } from 'vitest';
import { isRegionId } from '../body/regions.ts';
import {
  findTriggerPointMuscle,
  palpationFindingSchema,
  rankMusclesForPainDrawing,
  TRIGGER_POINT_MUSCLES,
} from './trigger-points.ts';

describe('trigger-point catalogue', () => {
  it('covers the muscles of the clinical reference and the common ones', () => {
    const ids = TRIGGER_POINT_MUSCLES.map((m) => m.id);
    for (const id of [
      'upper_trapezius',
      'levator_scapulae',
      'scm_sternal',
      'scm_clavicular',
      'suboccipitals',
      'temporalis',
      'masseter',
      'scalenes',
      'infraspinatus',
      'supraspinatus',
      'rhomboids',
      'quadratus_lumborum',
      'gluteus_medius',
      'gluteus_minimus',
      'piriformis',
      'iliopsoas',
      'gastrocnemius',
      'pectoralis_minor',
      'tensor_fasciae_latae',
      'soleus',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(TRIGGER_POINT_MUSCLES.map((m) => [m.muscle, m] as const))(
    '%s uses known regions and cites its source',
    (_n, m) => {
      for (const id of [...m.locationRegions, ...m.referral.primary, ...m.referral.spillover]) {
        expect(isRegionId(id), id).toBe(true);
      }
      expect(m.referral.primary.length).toBeGreaterThan(0);
      expect(m.source).toMatch(/Trigger Point Manual/);
      expect(findTriggerPointMuscle(m.id)).toBe(m);
    },
  );
});

describe('ranking muscles for a pain drawing', () => {
  it('puts upper trapezius, temporalis, suboccipitals and SCM first for a tension-type headache drawing', () => {
    const ranking = rankMusclesForPainDrawing([
      { regionId: 'temple', side: 'left', intensity: 6 },
      { regionId: 'temple', side: 'right', intensity: 6 },
      { regionId: 'eye_region', side: 'left', intensity: 5 },
      { regionId: 'eye_region', side: 'right', intensity: 5 },
      { regionId: 'occiput', intensity: 6 },
    ]);
    expect(
      ranking
        .slice(0, 4)
        .map((r) => r.muscleId)
        .sort(),
    ).toEqual(['scm_sternal', 'suboccipitals', 'temporalis', 'upper_trapezius'].sort());
    expect(ranking[0]).toMatchObject({ muscleId: 'upper_trapezius', sides: ['left', 'right'], coverage: 1 });
    expect(ranking[0]?.reason).toMatch(
      /^Upper trapezius \(both sides\): its usual referral zone covers Temple \(left\)/,
    );
    expect(ranking[0]?.reason).toMatch(/spillover zone covers Base of the skull/);
  });

  it.each([
    [
      'lateral hip and thigh down to the ankle',
      [
        ['thigh_lateral', 'right'],
        ['calf', 'right'],
        ['ankle', 'right'],
      ],
      'gluteus_minimus',
    ],
    [
      'SI joint, buttock and posterior thigh',
      [
        ['sacral_si', 'left'],
        ['gluteal', 'left'],
        ['thigh_posterior', 'left'],
      ],
      'piriformis',
    ],
    [
      'iliac crest, greater trochanter and groin',
      [
        ['iliac_crest', 'left'],
        ['hip_lateral', 'left'],
        ['groin', 'left'],
      ],
      'quadratus_lumborum',
    ],
    [
      'forehead and ear',
      [
        ['forehead', undefined],
        ['ear', 'right'],
      ],
      'scm_clavicular',
    ],
    ['vertex only', [['head_vertex', undefined]], 'splenius_capitis'],
    [
      'thumb, index finger and chest',
      [
        ['thumb_index', 'left'],
        ['chest', 'left'],
        ['scapula_medial_border', 'left'],
      ],
      'scalenes',
    ],
    [
      'lateral epicondyle and back of the hand',
      [
        ['elbow_lateral', 'right'],
        ['hand_dorsum', 'right'],
      ],
      'wrist_extensors',
    ],
  ] as const)('%s → %s first', (_label, marks, first) => {
    const ranking = rankMusclesForPainDrawing(
      marks.map(([regionId, side]) => (side ? { regionId, side } : { regionId })),
    );
    expect(ranking[0]?.muscleId).toBe(first);
  });

  it('palpates only the side that hurts for a one-sided drawing', () => {
    const [top] = rankMusclesForPainDrawing([{ regionId: 'temple', side: 'right', intensity: 8 }]);
    expect(top?.sides).toEqual(['right']);
  });

  it('weighs stronger pain more', () => {
    const ranking = rankMusclesForPainDrawing([
      { regionId: 'head_vertex', intensity: 9 },
      { regionId: 'forehead', intensity: 1 },
    ]);
    const score = (id: string) => ranking.find((r) => r.muscleId === id)?.score ?? 0;
    expect(score('scm_sternal')).toBeGreaterThan(score('scm_clavicular'));
    // Equal scores: the narrower pattern (vertex only) is the more specific clue.
    expect(ranking[0]?.muscleId).toBe('splenius_capitis');
  });

  it('ignores pain-free marks, returns nothing for an empty drawing, and honours a limit', () => {
    expect(rankMusclesForPainDrawing([{ regionId: 'temple', side: 'left', intensity: 0 }])).toEqual([]);
    expect(rankMusclesForPainDrawing([])).toEqual([]);
    expect(rankMusclesForPainDrawing([{ regionId: 'gluteal', side: 'left' }], { limit: 3 })).toHaveLength(3);
  });
});

describe('palpation finding schema', () => {
  const base = { muscleId: 'upper_trapezius', side: 'right', triggerPoint: 'latent', tenderness: 2 };
  it.each([
    ['a latent trigger point', base, true],
    [
      'an active one reproducing familiar pain',
      { ...base, triggerPoint: 'active', reproducesFamiliarPain: true, localTwitchResponse: true },
      true,
    ],
    ['an active one that does not reproduce familiar pain', { ...base, triggerPoint: 'active' }, false],
    ['no side', { ...base, side: undefined }, false],
    ['an unknown muscle', { ...base, muscleId: 'quadriceps_maximus' }, false],
    ['another muscle, named', { ...base, muscleId: 'other', muscleName: 'Semispinalis capitis' }, true],
    ['another muscle, unnamed', { ...base, muscleId: 'other' }, false],
    ['tenderness grade 4', { ...base, tenderness: 4 }, false],
  ])('%s → %s', (_label, input, ok) => {
    expect(palpationFindingSchema.safeParse(input).success).toBe(ok);
  });
});
