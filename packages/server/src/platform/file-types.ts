/**
 * Uploaded files are checked by their first bytes, not by the name or the declared type, so a
 * renamed executable is not stored as a "PDF" or a "photo".
 */
export function matchesMediaType(content: Buffer, mediaType: string): boolean {
  const head = content.subarray(0, 12);
  switch (mediaType) {
    case 'application/pdf':
      return head.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
    case 'image/tiff':
      return ['II*\u0000', 'MM\u0000*'].includes(head.subarray(0, 4).toString('latin1'));
    case 'image/heic':
      return head.subarray(4, 8).toString('latin1') === 'ftyp';
    default:
      return false;
  }
}
