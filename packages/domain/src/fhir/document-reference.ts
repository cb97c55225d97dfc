/**
 * A generated report (progress report, evaluation or discharge summary, visit note) as a
 * DocumentReference pointing at the stored PDF. FHIR's Attachment.hash is SHA-1; Fascia addresses
 * documents by SHA-256, so that goes in an identifier instead.
 */
import type { DocumentReference } from '@medplum/fhirtypes';
import { coding, compact, concept, fasciaSystem, meta, ref } from './common.ts';

export interface DocumentRow {
  id: string;
  patientId: string;
  referralId: string | null;
  noteId: string | null;
  kind: string;
  version: number;
  title: string;
  mediaType: string;
  sha256: string;
  sizeBytes: number;
  generatedBy: string;
  createdAt: Date | string;
}

export function toFhirDocumentReference(row: DocumentRow, contentUrl: string): DocumentReference {
  return compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: row.id,
    meta: meta(row.createdAt, row.version),
    identifier: [{ system: 'urn:ietf:rfc:6920', value: `ni:///sha-256;${row.sha256}` }],
    status: 'current',
    docStatus: 'final',
    type: concept([coding(fasciaSystem('document-kind'), row.kind)], row.kind.replaceAll('_', ' ')),
    subject: ref('Patient', row.patientId),
    date: new Date(row.createdAt).toISOString(),
    author: [ref('Practitioner', row.generatedBy)],
    description: row.title,
    content: [
      {
        attachment: {
          contentType: row.mediaType,
          url: contentUrl,
          size: row.sizeBytes,
          title: row.title,
          creation: new Date(row.createdAt).toISOString(),
        },
      },
    ],
    context: compact({
      encounter: row.noteId ? [ref('Encounter', row.noteId)] : undefined,
      related: row.referralId ? [ref('ServiceRequest', row.referralId)] : undefined,
    }),
  });
}
