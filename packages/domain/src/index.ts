// The domain package is imported by sub-path (e.g. `@fascia/domain/screening/engine`) so that each
// caller pulls in only the area it needs; this index re-exports the shared base types only.
export * from './body/regions.ts';
export * from './screening/types.ts';
