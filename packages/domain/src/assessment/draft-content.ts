/**
 * A draft assessment may be incomplete or still wrong (its problems are reported back, and signing
 * refuses it), but like every other body it keeps only the fields the assessment has: keys the
 * schema does not know are dropped at every depth, the way a zod object strips them.
 */
import type { z } from 'zod';
import { assessmentSchema } from './assessment.schema.ts';

export function draftAssessmentContent(content: Record<string, unknown>): Record<string, unknown> {
  return withKnownKeys(assessmentSchema, content) as Record<string, unknown>;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value with every object cut to the keys its schema declares; values of a wrong type stay as they are. */
export function withKnownKeys(schema: z.ZodType, value: unknown): unknown {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value) || !def.shape) return value;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape)) {
        if (Object.hasOwn(value, key)) out[key] = withKnownKeys(field, value[key]);
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) && def.element ? value.map((v) => withKnownKeys(def.element!, v)) : value;
    case 'record':
      if (!isPlainObject(value) || !def.valueType) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withKnownKeys(def.valueType!, v)]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType ? withKnownKeys(def.innerType, value) : value;
    case 'pipe':
      return def.in ? withKnownKeys(def.in, value) : value;
    case 'lazy':
      return def.getter ? withKnownKeys(def.getter(), value) : value;
    case 'union': {
      const options = def.options ?? [];
      const fits = options.find((o) => o.safeParse(value).success);
      if (fits) return withKnownKeys(fits, value);
      const sameKind = options.find((o) => kindOf(o) === (Array.isArray(value) ? 'array' : typeof value));
      return sameKind ? withKnownKeys(sameKind, value) : value;
    }
    default:
      return value;
  }
}

function kindOf(schema: z.ZodType): string {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type === 'object' || def.type === 'record') return 'object';
  if (def.type === 'array') return 'array';
  if (def.innerType) return kindOf(def.innerType);
  return def.type;
}
