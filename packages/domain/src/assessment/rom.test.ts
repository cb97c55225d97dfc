// Normal values: American Academy of Orthopaedic Surgeons, Joint Motion: Method of Measuring and
// Recording (1965) and Greene & Heckman (eds), The Clinical Measurement of Joint Motion (AAOS 1994),
// as listed in the project's clinical reference (Normal range of motion). Thoracic and lumbar
// spine: AMA Guides to the Evaluation of Permanent Impairment, 5th ed. (2001), chapter 15,
// range-of-motion method — lumbar flexion 60°, extension 25°, lateral bending 25°; thoracic
// rotation 30°.
import { describe, expect, it } from 'vitest';
import {
  compareSides,
  findNormalRom,
  NORMAL_ROM,
  percentOfNormal,
  type RomMeasurement,
  romMeasurementSchema,
} from './rom.ts';

describe('AAOS normal range of motion', () => {
  it.each([
    ['shoulder', 'flexion', 180],
    ['shoulder', 'extension', 60],
    ['shoulder', 'abduction', 180],
    ['shoulder', 'internal_rotation', 70],
    ['shoulder', 'external_rotation', 90],
    ['elbow', 'flexion', 150],
    ['forearm', 'pronation', 80],
    ['forearm', 'supination', 80],
    ['wrist', 'flexion', 80],
    ['wrist', 'extension', 70],
    ['wrist', 'radial_deviation', 20],
    ['wrist', 'ulnar_deviation', 30],
    ['hip', 'flexion', 120],
    ['hip', 'extension', 30],
    ['hip', 'abduction', 45],
    ['hip', 'adduction', 30],
    ['hip', 'internal_rotation', 45],
    ['hip', 'external_rotation', 45],
    ['knee', 'flexion', 135],
    ['ankle', 'dorsiflexion', 20],
    ['ankle', 'plantarflexion', 50],
    ['cervical', 'flexion', 45],
    ['cervical', 'extension', 45],
    ['cervical', 'lateral_flexion', 45],
    ['cervical', 'rotation', 60],
  ] as const)('%s %s = %i°', (joint, motion, degrees) => {
    expect(findNormalRom(joint, motion)).toEqual({ joint, motion, degrees, standard: 'AAOS' });
  });

  it('stores the standard with every value', () => {
    expect(NORMAL_ROM.every((n) => n.standard === 'AAOS' || n.standard === 'AMA Guides 5th ed.')).toBe(true);
    expect(findNormalRom('cervical', 'rotation', 'AMA Guides 6th')).toBeUndefined();
  });
});

describe('AMA Guides 5th ed. normal spinal motion (chapter 15, range-of-motion method)', () => {
  it.each([
    ['lumbar', 'flexion', 60],
    ['lumbar', 'extension', 25],
    ['lumbar', 'lateral_flexion', 25],
    ['thoracic', 'rotation', 30],
  ] as const)('%s %s = %i°', (joint, motion, degrees) => {
    expect(findNormalRom(joint, motion)).toEqual({ joint, motion, degrees, standard: 'AMA Guides 5th ed.' });
    expect(findNormalRom(joint, motion, 'AAOS')).toBeUndefined();
  });

  it.each([
    [
      'lumbar flexion 30° of 60°: 50 %, limited',
      { joint: 'lumbar', motion: 'flexion', degrees: 30 },
      50,
      true,
    ],
    [
      'lumbar flexion 54° of 60°: 90 %, not limited',
      { joint: 'lumbar', motion: 'flexion', degrees: 54 },
      90,
      false,
    ],
    ['lumbar extension 20° of 25°: 80 %', { joint: 'lumbar', motion: 'extension', degrees: 20 }, 80, true],
    [
      'lumbar lateral flexion 25°: 100 %',
      { joint: 'lumbar', motion: 'lateral_flexion', degrees: 25 },
      100,
      false,
    ],
    ['thoracic rotation 15° of 30°: 50 %', { joint: 'thoracic', motion: 'rotation', degrees: 15 }, 50, true],
  ] as const)('%s', (_label, m, percent, limited) => {
    expect(percentOfNormal(m)).toMatchObject({ percent, limited, standard: 'AMA Guides 5th ed.' });
  });

  it('lumbar flexion and extension are midline; lateral flexion and thoracic rotation have a side', () => {
    const base = { mode: 'active', degrees: 30 } as const;
    expect(romMeasurementSchema.safeParse({ ...base, joint: 'lumbar', motion: 'flexion' }).success).toBe(
      true,
    );
    expect(
      romMeasurementSchema.safeParse({ ...base, joint: 'lumbar', motion: 'flexion', side: 'left' }).success,
    ).toBe(false);
    expect(
      romMeasurementSchema.safeParse({ ...base, joint: 'lumbar', motion: 'lateral_flexion' }).success,
    ).toBe(false);
    expect(
      romMeasurementSchema.safeParse({ ...base, joint: 'thoracic', motion: 'rotation', side: 'right' })
        .success,
    ).toBe(true);
    expect(romMeasurementSchema.safeParse({ ...base, joint: 'thoracic', motion: 'flexion' }).success).toBe(
      false,
    );
  });
});

describe('percent of normal', () => {
  it.each([
    [
      'cervical rotation 50° of 60°: 83 %, limited',
      { joint: 'cervical', motion: 'rotation', degrees: 50 },
      83,
      true,
    ],
    [
      'cervical rotation 54° of 60°: 90 %, not limited',
      { joint: 'cervical', motion: 'rotation', degrees: 54 },
      90,
      false,
    ],
    ['shoulder flexion 180°: 100 %', { joint: 'shoulder', motion: 'flexion', degrees: 180 }, 100, false],
    ['knee flexion 90° of 135°: 67 %', { joint: 'knee', motion: 'flexion', degrees: 90 }, 67, true],
    [
      'hypermobile wrist extension 80° of 70°: 114 %',
      { joint: 'wrist', motion: 'extension', degrees: 80 },
      114,
      false,
    ],
  ] as const)('%s', (_label, m, percent, limited) => {
    expect(percentOfNormal(m)).toMatchObject({ percent, limited, standard: 'AAOS' });
  });

  it('uses a normal the measurement carries, with its standard', () => {
    const result = percentOfNormal({
      joint: 'cervical',
      motion: 'rotation',
      degrees: 60,
      normal: { degrees: 80, standard: 'AMA Guides 5th' },
    });
    expect(result).toEqual({
      normalDegrees: 80,
      standard: 'AMA Guides 5th',
      percent: 75,
      deficitDegrees: 20,
      limited: true,
    });
  });

  it('accepts a different limitation threshold', () => {
    expect(
      percentOfNormal({ joint: 'cervical', motion: 'rotation', degrees: 50 }, { limitedBelowPercent: 80 })
        ?.limited,
    ).toBe(false);
  });
});

describe('ROM measurement schema', () => {
  it.each([
    [
      'cervical rotation with a side',
      { joint: 'cervical', motion: 'rotation', side: 'left', mode: 'active', degrees: 50 },
      true,
    ],
    [
      'cervical flexion without a side',
      { joint: 'cervical', motion: 'flexion', mode: 'active', degrees: 40 },
      true,
    ],
    [
      'cervical flexion with a side',
      { joint: 'cervical', motion: 'flexion', side: 'left', mode: 'active', degrees: 40 },
      false,
    ],
    [
      'shoulder abduction without a side',
      { joint: 'shoulder', motion: 'abduction', mode: 'passive', degrees: 150 },
      false,
    ],
    [
      'a motion the joint does not have',
      { joint: 'knee', motion: 'rotation', side: 'left', mode: 'active', degrees: 10 },
      false,
    ],
    [
      'negative degrees',
      { joint: 'knee', motion: 'flexion', side: 'left', mode: 'active', degrees: -5 },
      false,
    ],
  ])('%s → %s', (_label, input, ok) => {
    expect(romMeasurementSchema.safeParse(input).success).toBe(ok);
  });
});

describe('bilateral comparison', () => {
  const m = (motion: string, side: 'left' | 'right', degrees: number): RomMeasurement =>
    romMeasurementSchema.parse({ joint: 'cervical', motion, side, mode: 'active', degrees });

  it.each([
    [
      'rotation 50° left, 65° right: left limited',
      [m('rotation', 'left', 50), m('rotation', 'right', 65)],
      15,
      'left',
    ],
    [
      'lateral flexion 40° and 35°: within 10°',
      [m('lateral_flexion', 'left', 40), m('lateral_flexion', 'right', 35)],
      5,
      undefined,
    ],
    [
      'rotation 60° left, 50° right: exactly 10°, right limited',
      [m('rotation', 'left', 60), m('rotation', 'right', 50)],
      10,
      'right',
    ],
  ] as const)('%s', (_label, measurements, difference, limitedSide) => {
    const [comparison] = compareSides(measurements);
    expect(comparison?.differenceDegrees).toBe(difference);
    expect(comparison?.limitedSide).toBe(limitedSide);
  });

  it('skips motions measured on one side only and explains the rest', () => {
    const result = compareSides([
      m('rotation', 'left', 50),
      m('rotation', 'right', 65),
      m('lateral_flexion', 'left', 30),
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]?.summary).toBe('cervical rotation (active): left 50°, right 65°; left limited by 15°.');
    expect(result[0]?.asymmetryPercent).toBe(23);
  });
});
