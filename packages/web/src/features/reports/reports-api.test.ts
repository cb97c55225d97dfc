import { describe, expect, it } from 'vitest';
import { documentKindLabel, formatBytes, shortHash } from './reports-api.ts';

describe('document labels', () => {
  it('names every kind the server stores, and shows an unknown kind as it is', () => {
    expect(documentKindLabel('progress_report')).toBe('Progress report');
    expect(documentKindLabel('discharge_summary')).toBe('Discharge summary');
    expect(documentKindLabel('visit_note')).toBe('Visit note');
    expect(documentKindLabel('superbill')).toBe('superbill');
  });

  it('shortens the hash and sizes for a table cell', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(48_000)).toBe('47 KB');
    expect(formatBytes(3_500_000)).toBe('3.3 MB');
  });
});
