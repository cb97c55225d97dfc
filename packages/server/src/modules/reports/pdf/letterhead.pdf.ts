import type { Letterhead } from '../letterhead.ts';
import { contentWidth, type Pdf, pdfText } from './pdf-kit.ts';

const LOGO_HEIGHT = 48;

/** Logo at the left, the clinic's legal name, address and numbers beside it. */
export function drawLetterhead(doc: Pdf, lh: Letterhead) {
  const left = doc.page.margins.left;
  const top = doc.y;
  let textLeft = left;
  if (lh.logo) {
    try {
      doc.image(lh.logo, left, top, { fit: [LOGO_HEIGHT * 2, LOGO_HEIGHT] });
      textLeft = left + LOGO_HEIGHT * 2 + 12;
    } catch {
      // The logo was checked on upload; a PDF without it is better than no PDF.
    }
  }
  const width = contentWidth(doc) - (textLeft - left);
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor('#0b5d4b')
    .text(pdfText(lh.name), textLeft, top, { width });
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  for (const line of lh.addressLines) doc.text(pdfText(line), textLeft, undefined, { width });
  const numbers = [
    lh.phone ? `Phone ${lh.phone}` : '',
    lh.fax ? `Fax ${lh.fax}` : '',
    lh.npi ? `NPI ${lh.npi}` : '',
  ].filter(Boolean);
  if (numbers.length) doc.text(pdfText(numbers.join('   ')), textLeft, undefined, { width });
  doc.y = Math.max(doc.y, lh.logo ? top + LOGO_HEIGHT : doc.y) + 6;
  doc.x = left;
  doc.fillColor('#000000');
}
