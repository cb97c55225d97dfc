// Observation terms follow Kendall FP et al. Muscles: Testing and Function with Posture and Pain,
// 5th ed. 2005 (ideal alignment and the common deviations); regions from the shared body model.
import { describe, expect, it } from 'vitest';
import { postureFindingsSchema, summarizePosture } from './posture.ts';

const summary = (input: unknown) => summarizePosture(postureFindingsSchema.parse(input));

describe('posture summary', () => {
  it.each([
    ['forward head', { forwardHead: 'moderate' }, 'moderate forward head posture'],
    [
      'right shoulder elevated',
      { shoulderElevation: { side: 'right', grade: 'mild' } },
      'right shoulder elevated (mild)',
    ],
    [
      'protraction on the left',
      { shoulderProtraction: { left: 'marked', right: 'none' } },
      'marked shoulder protraction, left',
    ],
    ['scapular winging on the right', { scapularWinging: { right: 'mild' } }, 'mild scapular winging, right'],
    ['increased kyphosis', { thoracicKyphosis: 'increased' }, 'increased thoracic kyphosis'],
    ['reduced lordosis', { lumbarLordosis: 'reduced' }, 'reduced lumbar lordosis'],
    ['anterior pelvic tilt', { pelvicTilt: 'anterior' }, 'anterior pelvic tilt'],
    [
      'pelvic obliquity',
      { pelvicObliquity: { side: 'left', grade: 'mild' } },
      'left iliac crest higher (mild)',
    ],
    [
      'lateral shift',
      { lateralShift: { side: 'right', grade: 'moderate' } },
      'lateral shift of the trunk to the right (moderate)',
    ],
    [
      'scoliosis',
      { scoliosis: { region: 'thoracolumbar', convexity: 'right', grade: 'mild' } },
      'mild thoracolumbar scoliosis, convex to the right',
    ],
    [
      'short leg',
      { legLength: { impression: 'shorter', side: 'left', estimatedMm: 8 } },
      'left leg appears shorter by about 8 mm',
    ],
  ])('%s', (_label, input, text) => {
    const result = summary(input);
    expect(result.findings.map((f) => f.text)).toEqual([text]);
    expect(result.findings[0]?.regions.length).toBeGreaterThan(0);
    expect(result.unremarkable).toBe(false);
  });

  it('points forward head posture at the neck and upper trapezius on both sides', () => {
    expect(summary({ forwardHead: 'mild' }).findings[0]?.regions).toEqual([
      { regionId: 'occiput' },
      { regionId: 'neck_posterior', side: 'left' },
      { regionId: 'neck_posterior', side: 'right' },
      { regionId: 'upper_trapezius', side: 'left' },
      { regionId: 'upper_trapezius', side: 'right' },
    ]);
  });

  it.each([
    [
      'all observed, nothing deviating',
      { forwardHead: 'none', thoracicKyphosis: 'normal', legLength: { impression: 'equal' } },
      true,
      'Posture: no deviation observed.',
    ],
    ['nothing observed', { notes: 'Declined standing assessment' }, false, 'Posture: not assessed.'],
  ])('%s', (_label, input, unremarkable, text) => {
    expect(summary(input)).toMatchObject({ findings: [], unremarkable, text });
  });

  it('joins several findings into one sentence', () => {
    expect(
      summary({ forwardHead: 'moderate', shoulderElevation: { side: 'right', grade: 'mild' } }).text,
    ).toBe('Posture: moderate forward head posture; right shoulder elevated (mild).');
  });

  it('limits photos to twelve', () => {
    expect(
      postureFindingsSchema.safeParse({ photoIds: Array.from({ length: 13 }, (_, i) => `p${i}`) }).success,
    ).toBe(false);
  });
});
