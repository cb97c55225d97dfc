import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';

// Source: RFC 8785, JSON Canonicalization Scheme (JCS), §3.2 (whitespace, member ordering by
// UTF-16 code units, ECMAScript number and string serialisation); the sorting example of §3.2.3.

describe('canonical JSON', () => {
  it.each<[string, unknown, string]>([
    ['keys sorted, no whitespace', { b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    ['nested objects sorted too', { z: { y: 1, x: 2 } }, '{"z":{"x":2,"y":1}}'],
    ['undefined members dropped', { a: undefined, b: 2 }, '{"b":2}'],
    [
      'numbers as ECMAScript writes them',
      { n: [1.0, 1e21, 0.000001, -0, 2.5] },
      '{"n":[1,1e+21,0.000001,0,2.5]}',
    ],
    ['strings escaped as JSON does', { s: 'line\n"quoted"\u0001' }, '{"s":"line\\n\\"quoted\\"\\u0001"}'],
    [
      'dates as ISO-8601 UTC',
      { at: new Date(Date.UTC(2026, 10, 23, 9, 30)) },
      '{"at":"2026-11-23T09:30:00.000Z"}',
    ],
    ['empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    [
      'RFC 8785 §3.2.3 ordering by UTF-16 code units',
      {
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '\ufb33': 'Hebrew Letter Dalet With Dagesh',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      },
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    ],
  ])('%s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same text whatever order the fields were filled in', () => {
    expect(canonicalJson({ s: { pain: 6, report: 'better' }, o: [] })).toBe(
      canonicalJson({ o: [], s: { report: 'better', pain: 6 } }),
    );
  });

  it.each<[string, unknown]>([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['undefined inside a list', [1, undefined]],
    ['a hole in a list', new Array<number>(2)],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['a class instance', { m: new Map() }],
    ['an invalid date', { d: new Date(Number.NaN) }],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
