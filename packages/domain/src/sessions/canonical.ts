/**
 * Canonical JSON for a signed note: the same content always yields the same bytes, whichever
 * order the fields were filled in or the database returned them, so the hash taken at signing
 * can be checked again years later. Follows the JSON Canonicalization Scheme (RFC 8785) for the
 * values a note holds: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings as ECMAScript's JSON serialisation writes them.
 *
 * An absent optional field and a field set to undefined must hash the same, so undefined object
 * members are dropped. Anything JSON cannot carry faithfully (undefined inside an array,
 * NaN/Infinity, functions, class instances other than Date) is refused rather than silently
 * changed, since a hash over altered content would certify something that was never written.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${path}: invalid date`);
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    const items = Array.from(value, (item: unknown, index) => {
      if (item === undefined) throw new TypeError(`${path}[${index}]: undefined inside a list`);
      return write(item, `${path}[${index}]`);
    });
    return `[${items.join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${path}: only plain objects can be serialised`);
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}
