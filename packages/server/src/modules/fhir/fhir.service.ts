import { can } from '@fascia/domain/access/permissions';
import { decodeCursor, encodeCursor, type PageCursor, searchBundle } from '@fascia/domain/fhir/bundle';
import { FHIR_TYPE_NAMES, FHIR_TYPES, type FhirType } from '@fascia/domain/fhir/capability';
import { isUuid } from '@fascia/domain/fhir/common';
import { matchesFilters, resourcePatientId, type SearchFilters } from '@fascia/domain/fhir/search';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { clinicDay } from '../../platform/patient-access.ts';
import { type Actor, auditActor } from '../../platform/request-auth.ts';
import type { Tenancy, TenantTx, Tx } from '../../platform/tenancy.ts';
import { assertPatientReadable, assertTypeAllowed, careTeamScope } from './fhir.access.ts';
import type { RowQuery } from './fhir.repo.ts';
import { locate, type MapContext, SOURCES, type SourceRow } from './fhir.sources.ts';

/** Rows read per query while filling a page, and at most per request before answering with a next link. */
const BATCH = 200;
const MAX_SCAN = 5000;

export interface SearchInput {
  type: FhirType;
  patientId?: string;
  filters: SearchFilters;
  count: number;
  cursor?: string;
  /** The request's own URL (for `self`) and a builder for the `next` URL. */
  selfUrl: string;
  nextUrl: (cursor: string) => string;
  baseUrl: string;
}

export class FhirService {
  constructor(private readonly tenancy: Tenancy) {}

  async read(actor: Actor, type: FhirType, id: string, baseUrl: string): Promise<Resource> {
    const route = `GET /fhir/R4/${type}/:id`;
    await assertTypeAllowed(this.tenancy, actor, type, route);
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const ctx = await mapContext(tx, actor, baseUrl);
      const { sources, rowId } = locate(type, id);
      for (const source of sources) {
        const [row] = await source.fetch(tx.db, { ids: [rowId], limit: 1 }, ctx);
        const resource = row?.resources().find((r) => r.id === id);
        if (!row || !resource) continue;
        if (row.patientId)
          await assertPatientReadable(this.tenancy, tx.db, actor, type, row.patientId, route);
        tx.audit({
          action: 'fhir.read',
          patientId: row.patientId,
          resourceType: type,
          resourceId: id,
          ...viaKey(actor),
        });
        return resource;
      }
      throw new NotFound(`${type}/${id}`);
    });
  }

  async search(actor: Actor, input: SearchInput): Promise<Bundle> {
    const route = `GET /fhir/R4/${input.type}`;
    await assertTypeAllowed(this.tenancy, actor, input.type, route);
    const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
    if (input.cursor && !cursor)
      throw new Invalid([{ field: '_cursor', message: 'Not a cursor from a previous page.' }]);
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const rule = FHIR_TYPES[input.type];
      const patientId = rule.patientScoped ? input.patientId : undefined;
      if (patientId) await assertPatientReadable(this.tenancy, tx.db, actor, input.type, patientId, route);
      const scope: Omit<RowQuery, 'limit'> = {
        ...(patientId ? { patientId } : {}),
        ...(careTeamScope(actor, input.type) ? { careTeamOf: actor.userId } : {}),
      };
      const ctx = await mapContext(tx, actor, input.baseUrl);
      const page = await collectPage(
        tx.db,
        SOURCES[input.type],
        scope,
        input.filters,
        input.count,
        cursor,
        ctx,
      );
      auditPage(tx, actor, 'fhir.search', input.type, page.resources, { query: input.selfUrl });
      return searchBundle({
        resources: page.resources,
        baseUrl: input.baseUrl,
        selfUrl: input.selfUrl,
        ...(page.next ? { nextUrl: input.nextUrl(encodeCursor(page.next)) } : {}),
      });
    });
  }

  /**
   * Patient/$everything: the patient and every resource of theirs the actor may read (a front desk
   * gets demographics, coverage and referrals; a therapist off the care team the same), with the
   * practitioners and the clinic they reference.
   */
  async everything(actor: Actor, patientId: string, baseUrl: string, selfUrl: string): Promise<Bundle> {
    const route = 'GET /fhir/R4/Patient/:id/$everything';
    await assertTypeAllowed(this.tenancy, actor, 'Patient', route);
    // Patient ids are uuids: anything else names no patient, and must not reach the uuid column.
    if (!isUuid(patientId)) throw new NotFound('The patient');
    return this.tenancy.run(actor.organizationId, auditActor(actor), async (tx) => {
      const clinical = await assertPatientReadable(this.tenancy, tx.db, actor, 'Patient', patientId, route);
      const ctx = await mapContext(tx, actor, baseUrl);
      const types = FHIR_TYPE_NAMES.filter((t) => {
        const rule = FHIR_TYPES[t];
        return rule.patientScoped && (!rule.clinical || clinical) && canType(actor, t);
      });
      const resources: Resource[] = [];
      for (const type of types) {
        for (const source of SOURCES[type]) {
          for (let after: string | undefined; ; ) {
            const rows = await source.fetch(
              tx.db,
              { patientId, limit: BATCH, ...(after ? { after } : {}) },
              ctx,
            );
            for (const row of rows) resources.push(...row.resources());
            if (rows.length < BATCH) break;
            after = rows[rows.length - 1]?.id;
          }
        }
      }
      resources.push(...(await referenced(tx.db, resources, ctx)));
      tx.audit({
        action: 'fhir.everything',
        patientId,
        resourceType: 'Patient',
        resourceId: patientId,
        detail: { resources: resources.length, types, ...(actor.apiKeyId ? { apiKey: actor.apiKeyId } : {}) },
      });
      return searchBundle({ resources, baseUrl, selfUrl, total: resources.length });
    });
  }
}

function canType(actor: Actor, type: FhirType): boolean {
  return can(actor.role, FHIR_TYPES[type].permission);
}

function viaKey(actor: Actor) {
  return actor.apiKeyId ? { detail: { apiKey: actor.apiKeyId } } : {};
}

export async function mapContext(tx: TenantTx, actor: Actor, baseUrl: string): Promise<MapContext> {
  return { baseUrl, today: await clinicDay(tx.db, actor) };
}

/** Every read is audited with its patient: one event per patient on the page. */
export function auditPage(
  tx: TenantTx,
  actor: Actor,
  action: string,
  type: string,
  resources: Resource[],
  detail: Record<string, unknown>,
) {
  const byPatient = new Map<string | null, number>();
  for (const r of resources) {
    const p = resourcePatientId(r) ?? null;
    byPatient.set(p, (byPatient.get(p) ?? 0) + 1);
  }
  if (byPatient.size === 0) byPatient.set(null, 0);
  for (const [patientId, count] of byPatient) {
    tx.audit({
      action,
      patientId,
      resourceType: type,
      detail: { ...detail, results: count, ...(actor.apiKeyId ? { apiKey: actor.apiKeyId } : {}) },
    });
  }
}

/**
 * Fills one page by walking the sources in order and their rows in id order, mapping each row and
 * keeping the resources that match. The cursor says where the page stopped (source, row, and how
 * many of that row's resources were used), so the next page resumes exactly there.
 */
export async function collectPage(
  tx: Tx,
  sources: readonly { fetch: (tx: Tx, q: RowQuery, ctx: MapContext) => Promise<SourceRow[]> }[],
  scope: Omit<RowQuery, 'limit'>,
  filters: SearchFilters,
  count: number,
  cursor: PageCursor | undefined,
  ctx: MapContext,
): Promise<{ resources: Resource[]; next?: PageCursor }> {
  const resources: Resource[] = [];
  let s = cursor?.s ?? 0;
  let after = cursor?.k || undefined;
  // n ≥ 0: the page stopped inside row k after n of its resources; -1: row k was read to its end.
  let inclusive = cursor !== undefined && cursor.n >= 0;
  let skip = Math.max(0, cursor?.n ?? 0);
  let scanned = 0;
  while (s < sources.length) {
    const source = sources[s];
    if (!source) break;
    const rows = await source.fetch(
      tx,
      { ...scope, limit: BATCH, ...(after ? { after, inclusive } : {}) },
      ctx,
    );
    for (const row of rows) {
      const all = row.resources();
      const start = inclusive && row.id === after ? skip : 0;
      for (let i = start; i < all.length; i++) {
        const resource = all[i] as Resource;
        if (!matchesFilters(resource, filters)) continue;
        if (resources.length === count) return { resources, next: { s, k: row.id, n: i } };
        resources.push(resource);
      }
      after = row.id;
      inclusive = false;
      skip = 0;
    }
    scanned += rows.length;
    if (rows.length < BATCH) {
      s += 1;
      after = undefined;
      inclusive = false;
      skip = 0;
    }
    if (scanned >= MAX_SCAN && s < sources.length) {
      return { resources, next: { s, k: after ?? '', n: -1 } };
    }
  }
  return { resources };
}

/** The practitioners and clinic the patient's resources point at, so the bundle stands on its own. */
async function referenced(tx: Tx, resources: Resource[], ctx: MapContext): Promise<Resource[]> {
  const ids = new Set<string>();
  const text = JSON.stringify(resources);
  for (const m of text.matchAll(/"Practitioner\/([0-9a-f-]{36})"/g)) ids.add(m[1] as string);
  const out: Resource[] = [];
  if (ids.size) {
    for (const source of SOURCES.Practitioner) {
      for (const row of await source.fetch(tx, { ids: [...ids], limit: ids.size }, ctx))
        out.push(...row.resources());
    }
  }
  for (const row of await SOURCES.Organization[0]!.fetch(tx, { limit: 1 }, ctx)) out.push(...row.resources());
  return out;
}
