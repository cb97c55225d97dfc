/**
 * The search parameters the FHIR API supports on every type — patient, date, code, _id,
 * _lastUpdated — parsed once and matched against emitted resources. Matching the emitted
 * resource (not the row) keeps the meaning of `code` and `date` identical to what the client
 * reads back, whatever record the resource was derived from.
 */
import type { CodeableConcept, Coding, Resource } from '@medplum/fhirtypes';

export type DatePrefix = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'sa' | 'eb';

export interface DateFilter {
  prefix: DatePrefix;
  /** The instant range the value covers at its precision: 2025-03 is all of March. */
  from: number;
  to: number;
  raw: string;
}

export interface TokenFilter {
  system?: string;
  code?: string;
}

const DATE =
  /^(eq|ne|lt|le|gt|ge|sa|eb)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function parseDateFilter(value: string): DateFilter | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [, prefix, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  let from: number;
  let to: number;
  if (h !== undefined) {
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zone ?? 'Z'}`;
    from = Date.parse(iso);
    to = from + (s !== undefined ? 1000 : 60_000);
  } else if (d !== undefined) {
    from = Date.UTC(year, Number(mo) - 1, Number(d));
    to = Date.UTC(year, Number(mo) - 1, Number(d) + 1);
  } else if (mo !== undefined) {
    from = Date.UTC(year, Number(mo) - 1, 1);
    to = Date.UTC(year, Number(mo), 1);
  } else {
    from = Date.UTC(year, 0, 1);
    to = Date.UTC(year + 1, 0, 1);
  }
  if (Number.isNaN(from)) return undefined;
  return { prefix: (prefix as DatePrefix | undefined) ?? 'eq', from, to, raw: value };
}

/** The range a resource's date or dateTime covers (a bare date is its whole day, in UTC). */
export function dateRange(value: string): { from: number; to: number } | undefined {
  const f = parseDateFilter(value);
  return f ? { from: f.from, to: f.to } : undefined;
}

/** FHIR's comparison of two ranges for each prefix (R4 §3.1.1.5.3, search on dates). */
export function matchesDate(value: string | undefined, filter: DateFilter): boolean {
  if (!value) return false;
  const r = dateRange(value);
  if (!r) return false;
  switch (filter.prefix) {
    case 'eq':
      return r.from >= filter.from && r.to <= filter.to;
    case 'ne':
      return !(r.from >= filter.from && r.to <= filter.to);
    case 'lt':
    case 'eb':
      return r.from < filter.from;
    case 'gt':
    case 'sa':
      return r.to > filter.to;
    case 'le':
      return r.from < filter.to;
    case 'ge':
      return r.to > filter.from;
  }
}

/** `system|code`, `|code` (no system), `code` (any system), `system|` (any code of the system). */
export function parseToken(value: string): TokenFilter {
  const bar = value.indexOf('|');
  if (bar < 0) return { code: value };
  const system = value.slice(0, bar);
  const code = value.slice(bar + 1);
  return { system, ...(code ? { code } : {}) };
}

export function matchesToken(codings: Coding[], tokens: TokenFilter[]): boolean {
  return tokens.some((t) =>
    codings.some(
      (c) =>
        (t.system === undefined || (t.system === '' ? !c.system : c.system === t.system)) &&
        (t.code === undefined || c.code === t.code),
    ),
  );
}

const codingsOf = (...concepts: Array<CodeableConcept | undefined>): Coding[] =>
  concepts.flatMap((c) => c?.coding ?? []);

// biome-ignore lint/suspicious/noExplicitAny: resources are read generically by element name.
type AnyResource = Resource & Record<string, any>;

/** The element each type's `date` parameter searches, as documented in docs/fhir.md. */
export function resourceDate(resource: Resource): string | undefined {
  const r = resource as AnyResource;
  switch (r.resourceType) {
    case 'Observation':
      return r.effectiveDateTime;
    case 'Encounter':
      return r.period?.start;
    case 'Procedure':
      return r.performedDateTime;
    case 'ServiceRequest':
      return r.authoredOn;
    case 'Condition':
      return r.onsetDateTime ?? r.recordedDate;
    case 'AllergyIntolerance':
      return r.recordedDate;
    case 'MedicationStatement':
      return r.effectivePeriod?.start ?? r.dateAsserted;
    case 'CarePlan':
    case 'Coverage':
      return r.period?.start;
    case 'Goal':
      return r.target?.[0]?.dueDate;
    case 'QuestionnaireResponse':
      return r.authored;
    case 'AuditEvent':
      return r.recorded;
    case 'DocumentReference':
      return r.date;
    default:
      return undefined;
  }
}

/** The codings each type's `code` parameter searches. */
export function resourceCodes(resource: Resource): Coding[] {
  const r = resource as AnyResource;
  switch (r.resourceType) {
    case 'Observation':
    case 'Condition':
    case 'Procedure':
    case 'AllergyIntolerance':
    case 'ServiceRequest':
      return codingsOf(r.code, ...(r.resourceType === 'ServiceRequest' ? (r.reasonCode ?? []) : []));
    case 'MedicationStatement':
      return codingsOf(r.medicationCodeableConcept);
    case 'Encounter':
    case 'DocumentReference':
      return codingsOf(...(Array.isArray(r.type) ? r.type : [r.type]));
    case 'CarePlan':
      return codingsOf(
        ...(r.activity ?? []).map((a: { detail?: { code?: CodeableConcept } }) => a.detail?.code),
      );
    case 'Goal':
      return codingsOf(...(r.target ?? []).map((t: { measure?: CodeableConcept }) => t.measure));
    case 'AuditEvent':
      return [r.type, ...(r.subtype ?? [])];
    case 'PractitionerRole':
      return codingsOf(...(r.code ?? []));
    default:
      return [];
  }
}

/** The patient a resource belongs to (its compartment), from its subject/patient/beneficiary. */
export function resourcePatientId(resource: Resource): string | undefined {
  const r = resource as AnyResource;
  if (r.resourceType === 'Patient') return r.id;
  const reference: string | undefined = (r.subject ?? r.patient ?? r.beneficiary)?.reference;
  return reference?.startsWith('Patient/') ? reference.slice('Patient/'.length) : undefined;
}

export interface SearchFilters {
  ids?: string[];
  dates: DateFilter[];
  lastUpdated: DateFilter[];
  codes?: TokenFilter[];
}

export function matchesFilters(resource: Resource, f: SearchFilters): boolean {
  if (f.ids && !f.ids.includes(resource.id ?? '')) return false;
  if (!f.dates.every((d) => matchesDate(resourceDate(resource), d))) return false;
  if (!f.lastUpdated.every((d) => matchesDate(resource.meta?.lastUpdated, d))) return false;
  if (f.codes && !matchesToken(resourceCodes(resource), f.codes)) return false;
  return true;
}
