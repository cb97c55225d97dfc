import type { OutcomeSummary } from '@fascia/domain/reports/progress-summary';
import { contentWidth, ensureSpace, type Pdf, pdfText } from './pdf-kit.ts';

/**
 * A small line chart of one measure's scores over time, with the MCID threshold drawn as a dashed
 * line at baseline ± MCID (in the direction that means improvement) so the physician sees at a
 * glance whether the change is clinically meaningful.
 */
export function trendChart(doc: Pdf, outcome: OutcomeSummary, range: { min: number; max: number }) {
  const scored = outcome.points.filter(
    (p): p is { administeredOn: string; score: number } => p.score !== null,
  );
  if (scored.length === 0) return;
  const height = 90;
  ensureSpace(doc, height + 30);
  const left = doc.page.margins.left + 30;
  const width = Math.min(contentWidth(doc) - 40, 320);
  const top = doc.y + 4;
  const y = (score: number) => top + height - ((score - range.min) / (range.max - range.min || 1)) * height;
  const x = (i: number) => left + (scored.length === 1 ? width / 2 : (i / (scored.length - 1)) * width);

  doc.lineWidth(0.5).strokeColor('#999999').rect(left, top, width, height).stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#444444');
  doc.text(String(range.max), left - 28, y(range.max) - 3, { width: 24, align: 'right' });
  doc.text(String(range.min), left - 28, y(range.min) - 3, { width: 24, align: 'right' });

  const baseline = scored[0]?.score;
  const points = outcome.mcid?.points;
  if (baseline !== undefined && points !== undefined) {
    const threshold = outcome.higherIsBetter ? baseline + points : baseline - points;
    if (threshold >= range.min && threshold <= range.max) {
      doc
        .dash(3, { space: 3 })
        .strokeColor('#c0392b')
        .moveTo(left, y(threshold))
        .lineTo(left + width, y(threshold))
        .stroke()
        .undash();
      doc
        .fillColor('#c0392b')
        .text(`MCID threshold (${threshold})`, left + width + 4, y(threshold) - 3, { width: 120 });
    }
  }

  doc.lineWidth(1.5).strokeColor('#0b5d4b');
  scored.forEach((p, i) => {
    if (i === 0) doc.moveTo(x(i), y(p.score));
    else doc.lineTo(x(i), y(p.score));
  });
  doc.stroke();
  scored.forEach((p, i) => {
    doc.circle(x(i), y(p.score), 2.5).fillColor('#0b5d4b').fill();
    doc
      .fillColor('#222222')
      .fontSize(7)
      .text(pdfText(`${p.score}`), x(i) - 15, y(p.score) - 12, { width: 30, align: 'center' });
    doc.text(pdfText(p.administeredOn), x(i) - 25, top + height + 3, { width: 50, align: 'center' });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height + 18;
  doc.fillColor('#000000').fontSize(10);
}
