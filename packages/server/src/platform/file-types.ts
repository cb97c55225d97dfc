import { imageSize } from 'image-size';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFStream } from 'pdf-lib';
import { PNG } from 'pngjs';

/**
 * Uploaded files (scanned prescriptions, posture photos) are checked by their structure, not by
 * the name, the declared type or the first bytes alone: a polyglot such as `%PDF-` followed by a
 * web page, or PNG magic followed by SVG, is a file some program will open as the other thing.
 * Returns why the content is not a well-formed file of the declared type, or undefined if it is.
 */
export async function uploadProblem(content: Buffer, mediaType: string): Promise<string | undefined> {
  // Markup or script anywhere in the bytes: never part of a scan or a photo, always of a polyglot.
  if (MARKUP.test(content.toString('latin1'))) return 'it contains web page or script content';
  switch (mediaType) {
    case 'application/pdf':
      return pdfProblem(content);
    case 'image/png':
      return imageProblem(content, ['png']) ?? pngProblem(content);
    case 'image/jpeg':
      return imageProblem(content, ['jpg']) ?? jpegProblem(content);
    case 'image/tiff':
      return imageProblem(content, ['tiff']);
    case 'image/heic':
      return heifBoxProblem(content) ?? imageProblem(content, [...HEIF_BRANDS]);
    default:
      return 'this type of file is not accepted';
  }
}

// Only tokens long enough never to turn up by chance in compressed image or PDF data: an SVG
// document needs its namespace, and an inline one acts only through an event attribute.
const MARKUP =
  /<(?:!doctype\s+html|html[\s>]|body[\s>]|script[\s>]|iframe[\s>]|object[\s>]|embed[\s>])|<svg[^>]{0,400}(?:w3\.org\/2000\/svg|\son[a-z]+\s*=)|javascript:/i;

// A photo or scan larger than this is a decompression bomb, not a clinical image.
const MAX_SIDE = 20_000;
const MAX_PIXELS = 100_000_000;

function imageProblem(content: Buffer, types: string[]): string | undefined {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(content);
  } catch {
    return 'its image header cannot be read';
  }
  if (!types.includes(size.type ?? '')) return `its header is that of a ${size.type ?? 'different'} image`;
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return 'it has no image dimensions';
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS)
    return `it is ${width} × ${height} pixels, larger than any photo or scan`;
  return undefined;
}

async function pdfProblem(content: Buffer): Promise<string | undefined> {
  if (!/^%PDF-[12]\.\d/.test(content.subarray(0, 8).toString('latin1'))) return 'it does not start as a PDF';
  if (!content.subarray(-1024).toString('latin1').includes('%%EOF')) return 'it does not end as a PDF';
  // Scripts and launch actions have no place in a prescription, and PDF viewers run them.
  const active = 'it contains scripts, launch actions or embedded files';
  if (/\/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b/.test(content.toString('latin1'))) return active;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(content, {
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    });
    if (doc.getPageCount() < 1) return 'it has no pages';
  } catch {
    return 'it cannot be read as a PDF';
  }
  // The same names inside compressed object streams, which the byte scan above cannot see.
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (holdsActiveContent(object, 0)) return active;
  }
  return undefined;
}

const ACTIVE_NAMES = new Set(
  ['JS', 'JavaScript', 'Launch', 'EmbeddedFile', 'RichMedia'].map((n) => PDFName.of(n)),
);

function holdsActiveContent(object: PDFObject, depth: number): boolean {
  if (depth > 32) return false;
  if (object instanceof PDFName) return ACTIVE_NAMES.has(object);
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      if (ACTIVE_NAMES.has(key) || holdsActiveContent(value, depth + 1)) return true;
    }
    return false;
  }
  if (object instanceof PDFArray) return object.asArray().some((v) => holdsActiveContent(v, depth + 1));
  return false;
}

const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

function pngProblem(content: Buffer): string | undefined {
  // Nothing may follow the end chunk: that is where a second file is hidden.
  if (!content.subarray(-12).equals(IEND)) return 'it does not end as a PNG';
  try {
    // Decodes every chunk with its checksum and the compressed image data (dimensions capped above).
    PNG.sync.read(content, { checkCRC: true });
  } catch {
    return 'its image data cannot be decoded as a PNG';
  }
  return undefined;
}

/**
 * The segments from the start marker to the first scan must chain by their lengths and include a
 * frame header. Decoding every pixel in JavaScript takes seconds for a phone photo, too long to
 * hold a request; the markup check above covers what could follow the scan.
 */
function jpegProblem(content: Buffer): string | undefined {
  if (content[0] !== 0xff || content[1] !== 0xd8) return 'it does not start as a JPEG';
  let at = 2;
  let frame = false;
  while (at + 4 <= content.length) {
    if (content[at] !== 0xff) return 'its segments are broken';
    const marker = content[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7))
      return 'its segments are out of order';
    const length = content.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > content.length) return 'a segment runs past the end of the file';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      frame = true;
    if (marker === 0xda) return frame ? undefined : 'it has no frame header before its image data';
    at += 2 + length;
  }
  return 'it has no image data';
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'mif2']);

/**
 * HEIC is an ISO base media file (ISO/IEC 14496-12, 23008-12): a sequence of boxes that must fill
 * the file exactly, starting with `ftyp` naming a HEIF brand, and holding a `meta` box that
 * describes the image. Anything that merely has `ftyp` at byte 4 is not enough.
 */
function heifBoxProblem(content: Buffer): string | undefined {
  const types: string[] = [];
  let at = 0;
  while (at < content.length) {
    if (at + 8 > content.length) return 'its boxes do not fill the file';
    let size = content.readUInt32BE(at);
    const type = content.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[\x20-\x7e]{4}$/.test(type)) return 'it holds a box without a valid type';
    let header = 8;
    if (size === 1) {
      if (at + 16 > content.length) return 'its boxes do not fill the file';
      size = Number(content.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = content.length - at;
    }
    if (size < header || at + size > content.length) return 'a box runs past the end of the file';
    if (types.length === 0) {
      if (type !== 'ftyp' || size < 16) return 'it does not start with a file type box';
      const box = content.subarray(at + header, at + size);
      const brands = [box.subarray(0, 4)];
      for (let b = 8; b + 4 <= box.length; b += 4) brands.push(box.subarray(b, b + 4));
      if (!brands.some((b) => HEIF_BRANDS.has(b.toString('latin1')))) return 'its file type is not HEIF';
    }
    types.push(type);
    at += size;
  }
  if (!types.includes('meta')) return 'it has no image description (meta box)';
  return undefined;
}
