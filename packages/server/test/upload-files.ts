import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

/** Small well-formed files of every accepted upload type, and polyglots made from them. */

export async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText('Rx: medical massage, 8 visits', {
    x: 72,
    y: 700,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await doc.save());
}

/** A one-page PDF that runs a script when opened, saved with compressed object streams. */
export async function pdfWithHiddenScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]);
  doc.catalog.set(
    PDFName.of('OpenAction'),
    doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
  );
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

export function smallPng(): Buffer {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export function smallJpeg(): Buffer {
  const data = Buffer.alloc(8 * 8 * 4, 180);
  return Buffer.from(jpeg.encode({ data, width: 8, height: 8 }, 90).data);
}

/** A 2 × 2 uncompressed greyscale baseline TIFF (TIFF 6.0, little-endian). */
export function smallTiff(): Buffer {
  const entries: [tag: number, type: number, value: number][] = [
    [256, 3, 2], // ImageWidth
    [257, 3, 2], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // PhotometricInterpretation: black is zero
    [273, 4, 0], // StripOffsets, filled in below
    [278, 3, 2], // RowsPerStrip
    [279, 4, 4], // StripByteCounts
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataAt = 8 + ifdSize;
  const buf = Buffer.alloc(dataAt + 4);
  buf.write('II*\u0000', 0, 'latin1');
  buf.writeUInt32LE(8, 4);
  buf.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    buf.writeUInt16LE(tag, at);
    buf.writeUInt16LE(type, at + 2);
    buf.writeUInt32LE(1, at + 4);
    if (type === 3) buf.writeUInt16LE(value, at + 8);
    else buf.writeUInt32LE(tag === 273 ? dataAt : value, at + 8);
  });
  buf.writeUInt32LE(0, 8 + 2 + entries.length * 12);
  Buffer.from([0, 255, 255, 0]).copy(buf, dataAt);
  return buf;
}

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};
const fullBox = (type: string, ...parts: Buffer[]) => box(type, Buffer.alloc(4), ...parts);
const u32 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    b.writeUInt32BE(v, i * 4);
  });
  return b;
};

/** HEIF boxes as ISO/IEC 23008-12 lays them out: ftyp, meta (handler, item properties), mdat. */
export function smallHeic(brand = 'heic'): Buffer {
  return Buffer.concat([
    box('ftyp', Buffer.from(brand, 'latin1'), u32(0), Buffer.from(`mif1${brand}`, 'latin1')),
    fullBox(
      'meta',
      fullBox('hdlr', u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(12), Buffer.from([0])),
      fullBox('pitm', Buffer.from([0, 1])),
      box('iprp', box('ipco', fullBox('ispe', u32(4, 3)))),
    ),
    box('mdat', Buffer.alloc(16, 7)),
  ]);
}

export const HTML = Buffer.from(
  '<html><body><script>alert(document.cookie)</script></body></html>',
  'latin1',
);
export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><rect width="1" height="1"/></svg>',
  'latin1',
);
