/**
 * Small layer over pdfkit for clinical documents: Letter pages with margins, headings, label/value
 * rows, simple tables that break across pages, and text limited to what the standard PDF fonts
 * can draw (so a physician's viewer never shows missing-glyph boxes).
 */
export type Pdf = PDFKit.PDFDocument;

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/→/g, '->'],
  [/≤/g, '<='],
  [/≥/g, '>='],
  [/−/g, '-'],
  [/[–—]/g, '-'],
  [/[‘’]/g, "'"],
  [/[“”]/g, '"'],
  [/…/g, '...'],
  [/×/g, 'x'],
  [/µ/g, 'u'],
];

/** Keeps text within WinAnsi, the encoding of the standard 14 PDF fonts. */
export function pdfText(value: unknown): string {
  let text = String(value ?? '');
  for (const [from, to] of REPLACEMENTS) text = text.replace(from, to);
  return text.replace(/[^\x20-\x7E\xA0-\xFF\n]/g, '?');
}

export async function createPdf(info: { title: string; author: string; subject: string }): Promise<{
  doc: Pdf;
  done: Promise<Buffer>;
}> {
  // Loaded on the first document, not at start: pdfkit and its font stack weigh on every start-up.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    info: {
      Title: pdfText(info.title),
      Author: pdfText(info.author),
      Subject: pdfText(info.subject),
      Creator: 'Fascia',
    },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

export function ensureSpace(doc: Pdf, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Pdf, text: string, size = 13) {
  ensureSpace(doc, size * 3);
  doc
    .moveDown(0.6)
    .font('Helvetica-Bold')
    .fontSize(size)
    .fillColor('#0b5d4b')
    .text(pdfText(text), doc.page.margins.left);
  doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor('#000000');
}

export function paragraph(doc: Pdf, text: string) {
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#000000')
    .text(pdfText(text), doc.page.margins.left, undefined, { width: contentWidth(doc) });
}

export function labelled(doc: Pdf, rows: Array<[string, string | undefined | null]>) {
  for (const [label, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    ensureSpace(doc, 14);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${pdfText(label)}: `, doc.page.margins.left, undefined, { continued: true });
    doc.font('Helvetica').text(pdfText(value));
  }
}

/** A table with a header row; columns are fractions of the content width. */
export function table(doc: Pdf, columns: Array<{ title: string; width: number }>, rows: string[][]) {
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const heights = cells.map((cell, i) =>
      doc.heightOfString(pdfText(cell), { width: (widths[i] ?? 50) - 6 }),
    );
    const height = Math.max(12, ...heights) + 4;
    ensureSpace(doc, height);
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(pdfText(cell), x + 3, top + 2, { width: (widths[i] ?? 50) - 6 });
      x += widths[i] ?? 50;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + total, top + height)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(10);
}

/** Page numbers and the document's footer, written once every page exists. */
export function finish(doc: Pdf, footer: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#666666');
    doc.text(
      `${pdfText(footer)} - page ${i + 1} of ${range.count}`,
      doc.page.margins.left,
      doc.page.height - margin + 18,
      { width: contentWidth(doc), align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = margin;
  }
  doc.end();
}
