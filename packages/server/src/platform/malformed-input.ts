import type { FastifyInstance } from 'fastify';
import { Invalid } from './errors.ts';

/**
 * Input no field of the API can mean, refused before validation with the field named:
 * - NUL (U+0000): PostgreSQL text and jsonb cannot store it, so it would end as a 500;
 * - lone UTF-16 surrogates: not Unicode text; jsonb refuses them and the audit chain hashes UTF-8;
 * - nesting deeper than MAX_DEPTH: no body of the API is that deep, and deep values exhaust the
 *   stacks of schema validation and of PostgreSQL's jsonb parser.
 * One walk over params, query and body for every route (FHIR included), iterative so that a
 * 20,000-deep body cannot overflow the walk itself.
 */
export const MAX_DEPTH = 64;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return undefined;
}

/** A field name safe to echo: the poison characters themselves are shown escaped. */
function printable(key: string): string {
  return key
    .replaceAll('\u0000', '\\u0000')
    .replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The first unusable value in `value`, named as problem.ts names fields (`record.legalName.given`). */
export function findMalformed(value: unknown, root: string): { field: string; message: string } | undefined {
  const join = (at: string, key: string) => (at ? `${at}.${key}` : key);
  const name = (at: string) => (!at ? root : root === 'body' ? at : `${root}.${at}`);
  const stack: { value: unknown; at: string; depth: number }[] = [{ value, at: '', depth: 0 }];
  while (stack.length) {
    const item = stack.pop() as (typeof stack)[number];
    if (typeof item.value === 'string') {
      const message = problemOf(item.value);
      if (message) return { field: name(item.at), message };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_DEPTH)
      return { field: root, message: `is nested more than ${MAX_DEPTH} levels deep` };
    if (Array.isArray(item.value)) {
      for (let i = item.value.length - 1; i >= 0; i--)
        stack.push({ value: item.value[i], at: join(item.at, String(i)), depth: item.depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      const message = problemOf(key);
      if (message)
        return { field: name(join(item.at, printable(key))), message: `(a field name) ${message}` };
      stack.push({ value: child, at: join(item.at, key), depth: item.depth + 1 });
    }
  }
  return undefined;
}

export function installInputGuards(app: FastifyInstance): void {
  // preValidation: after parsing and routing (params are known), before the schemas and the service.
  app.addHook('preValidation', async (req) => {
    const found =
      findMalformed(req.params, 'params') ??
      findMalformed(req.query, 'query') ??
      findMalformed(req.body, 'body');
    if (found) throw new Invalid([found]);
  });
}
