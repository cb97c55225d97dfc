import { z } from 'zod';

/**
 * Malformed requests derived from a route's declared schemas (params, querystring, body), for the
 * fuzz test (platform/fuzz.int.test.ts). Everything is drawn from a seeded generator, so a failing
 * request is the same on every run and can be replayed from its label.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

export interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The body field this request broke on purpose, when the answer should name it. */
  field?: string;
}

/** mulberry32: small, fast and good enough to pick test cases reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

export function jsonSchemaOf(zod: unknown): Schema | undefined {
  if (!zod) return undefined;
  try {
    return z.toJSONSchema(zod as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Schema;
  } catch {
    return undefined;
  }
}

const PATTERN_CANDIDATES = ['US', 'en', 'x', 'M54.50', '1234567893', '+15555550100', 'AB12', '12:00'];

/** A value the schema accepts as far as its JSON form tells (refinements are not in it). */
export function sample(schema: Schema | undefined, key: string, ids: Record<string, string>): Json {
  if (!schema) return 'x';
  if ('default' in schema) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) return sample(variants.find((v) => v.type !== 'null') ?? variants[0], key, ids);
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, sample(s, k, ids)]));
    }
    case 'array':
      return Number(schema.minItems ?? 0) > 0 ? [sample(schema.items as Schema, key, ids)] : [];
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema, key, ids);
    default:
      return 'x';
  }
}

function sampleString(schema: Schema, key: string, ids: Record<string, string>): string {
  const today = new Date().toISOString();
  if (schema.format === 'uuid') return ids[key] ?? ids.patientId ?? '00000000-0000-4000-8000-000000000001';
  if (schema.format === 'date') return today.slice(0, 10);
  if (schema.format === 'date-time') return today;
  if (schema.format === 'email') return 'fuzz@clinic.example';
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern);
    return PATTERN_CANDIDATES.find((c) => re.test(c)) ?? 'x';
  }
  const min = Number(schema.minLength ?? 1);
  return 'fuzz'.padEnd(Math.max(min, 4), 'z');
}

type Path = (string | number)[];

/** Every position in a body (objects, arrays, leaves), with the value found there. */
export function positions(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const out = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...positions(v, [...path, i]));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...positions(v, [...path, k]));
  return out;
}

export function withValue(root: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(root);
  let at = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What to put in place of a value: wrong types, poison characters, extremes, other clinics' ids. */
export function mutationsOf(
  value: Json,
  key: string,
  foreignIds: string[],
): { name: string; value?: Json }[] {
  const common: { name: string; value?: Json }[] = [
    { name: 'missing', value: undefined },
    { name: 'null', value: null },
    { name: 'nested', value: { nested: { deeper: [{ x: 1 }] } } },
  ];
  if (typeof value === 'string') {
    const out = [
      ...common,
      { name: 'number', value: 12345 },
      { name: 'NUL', value: `${value}\u0000x` },
      { name: 'lone high surrogate', value: `${value}\ud800` },
      { name: 'lone low surrogate', value: '\udfff' },
      { name: 'huge', value: 'x'.repeat(200_000) },
      { name: 'empty', value: '' },
      { name: 'invalid enum', value: 'not_a_value' },
      { name: 'SQL', value: "'); DROP TABLE patients; --" },
    ];
    if (UUID.test(value) || /id$/i.test(key)) {
      out.push(
        { name: 'non-uuid', value: 'not-a-uuid' },
        { name: 'upper-case uuid', value: value.toUpperCase() },
        { name: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
      );
      for (const id of foreignIds) out.push({ name: 'other clinic id', value: id });
    }
    if (DATE.test(value.slice(0, 10))) {
      const time = value.length > 10 ? value.slice(10) : '';
      for (const d of ['0000-01-01', '2025-02-30', '1900-00-10', '9999-12-31', '0001-01-01'])
        out.push({ name: `date ${d}`, value: `${d}${time}` });
      out.push({ name: 'date 10000', value: `10000-01-01${time}` });
    }
    return out;
  }
  if (typeof value === 'number') {
    return [
      ...common,
      { name: 'string', value: String(value) },
      { name: 'negative', value: -1 },
      { name: 'fraction', value: 1.5 },
      { name: 'huge', value: 1e308 },
      { name: 'huge negative', value: -1e308 },
      { name: 'beyond int4', value: 2_147_483_648 },
      { name: 'beyond safe integer', value: 2 ** 53 + 1 },
      { name: 'NaN as text', value: 'NaN' },
    ];
  }
  if (typeof value === 'boolean') {
    return [...common, { name: 'string', value: 'true' }, { name: 'number', value: 1 }];
  }
  if (Array.isArray(value)) {
    return [
      ...common,
      { name: 'object', value: {} },
      { name: 'array of nulls', value: [null, null] },
      { name: 'many items', value: Array.from({ length: 2000 }, () => value[0] ?? 'x') },
      { name: 'NUL item', value: ['\u0000'] },
    ];
  }
  if (value && typeof value === 'object') {
    return [
      ...common,
      { name: 'string', value: 'x' },
      { name: 'array', value: [] },
      { name: 'unknown field', value: { ...value, unexpectedField: 1 } },
      { name: 'NUL key', value: { ...value, 'a\u0000b': 1 } },
    ];
  }
  return common;
}

export const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
export const deepObject = (depth: number): Json => {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = { d: v };
  return v;
};

/** Bodies that are wrong as a whole: media types, syntax, shape, size, depth. */
export function wholeBodyCases(base: Json, json: string): { name: string; type?: string; payload: string }[] {
  const firstKey =
    base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base)[0] : undefined;
  const deepField = firstKey
    ? JSON.stringify({ ...(base as object), [firstKey]: deepObject(100) })
    : JSON.stringify(deepObject(100));
  return [
    { name: 'text/plain', type: 'text/plain', payload: JSON.stringify(base) },
    { name: 'form post', type: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
    { name: 'multipart', type: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n1\r\n--x--' },
    { name: 'xml', type: 'application/xml', payload: '<a/>' },
    { name: 'no content type', payload: JSON.stringify(base) },
    { name: 'utf-16 charset', type: 'application/json; charset=utf-16', payload: JSON.stringify(base) },
    { name: 'malformed JSON', type: json, payload: '{"a":' },
    { name: 'empty JSON body', type: json, payload: '' },
    { name: 'JSON null', type: json, payload: 'null' },
    { name: 'JSON array', type: json, payload: '[]' },
    { name: 'JSON string', type: json, payload: '"text"' },
    { name: 'JSON number', type: json, payload: '42' },
    { name: '__proto__', type: json, payload: '{"__proto__":{"polluted":true}}' },
    { name: 'constructor.prototype', type: json, payload: '{"constructor":{"prototype":{"x":1}}}' },
    { name: 'NUL key', type: json, payload: '{"a\\u0000":1}' },
    {
      name: 'NUL everywhere',
      type: json,
      payload: JSON.stringify(base).replace(/"([^"]*)"/g, '"$1\\u0000"'),
    },
    { name: 'lone surrogate key', type: json, payload: '{"\\ud800":1}' },
    { name: '20,000-deep JSON', type: json, payload: deepJson(20_000) },
    { name: '100-deep field', type: json, payload: deepField },
    { name: 'over the body limit', type: json, payload: JSON.stringify({ a: 'x'.repeat(1_100_000) }) },
  ];
}

/** Values for one path parameter that must never reach SQL as they are. */
export function paramCases(valid: string, foreign: string | undefined): { name: string; value: string }[] {
  const out = [
    { name: 'non-uuid', value: 'xyz' },
    { name: 'upper-case', value: valid.toUpperCase() },
    { name: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
    { name: 'NUL', value: '%00' },
    { name: 'encoded lone surrogate', value: '%ED%A0%80' },
    { name: 'broken percent-encoding', value: '%E0%A4%A' },
    { name: 'over maxParamLength', value: 'a'.repeat(150) },
    { name: 'dot segments', value: '..%2F..%2Fetc' },
    { name: 'SQL', value: encodeURIComponent("1' OR '1'='1") },
  ];
  if (foreign) out.push({ name: 'other clinic id', value: foreign });
  return out;
}

/** Values for one query parameter. */
export const queryCases = (key: string) => [
  { name: 'NUL', query: `${key}=%00` },
  { name: 'encoded lone surrogate', query: `${key}=%ED%A0%80` },
  { name: 'broken percent-encoding', query: `${key}=%E0%A4%A` },
  { name: 'repeated', query: `${key}=a&${key}=b` },
  { name: 'huge', query: `${key}=${'x'.repeat(5000)}` },
  { name: 'year 0000', query: `${key}=0000-01-01` },
  { name: 'negative', query: `${key}=-1` },
  { name: 'huge number', query: `${key}=1e400` },
  { name: 'empty', query: `${key}=` },
];
