import type { ReportDocumentView } from '@jourbok/contracts';
import { PdfWriter } from './document.ts';
import { writeStatisticsTables } from './statistics.ts';


const kronor = (amount: number) => `${new Intl.NumberFormat('sv-SE').format(amount).replace(/\u00a0|\u202f/g, ' ')} kr`;
const number = (value: number | null, unit: string) => (value === null ? '–' : `${String(value).replace('.', ',')}${unit ? ` ${unit}` : ''}`);

/**
 * The tertial report or the annual report as one document, as the jour sends
 * it to its members: goal follow-up against the year's plan, activities,
 * indicators and budget, important issues, the statistics with comments, and
 * one appendix per member (statistics for the member's own cases).
 */
export async function renderReportDocumentPdf(doc: ReportDocumentView): Promise<Buffer> {
  const pdf = new PdfWriter(`${doc.organisation}: ${doc.title}`, `${doc.title}, ${doc.periodText}`);
  pdf.title(doc.title, `${doc.organisation} · ${doc.periodText}${doc.status === 'draft' ? ' · UTKAST' : ''}`);
  if (doc.status === 'draft') pdf.banner('Utkast: uppföljningen är inte markerad som klar.');
  if (doc.intro.trim()) pdf.paragraph(doc.intro);

  pdf.heading(`Måluppfyllelse utifrån Verksamhetsplan ${doc.year}`);
  if (doc.goals.length === 0) pdf.paragraph('Verksamhetsplanen har inga mål.');
  for (const goal of doc.goals) {
    pdf.keepTogether(70);
    pdf.doc.font('Helvetica-Bold').fontSize(10).text(goal.title).moveDown(0.2);
    pdf.paragraph(goal.text.trim() || '–', goal.statusLabel ? `${goal.statusLabel}.` : 'Målet är inte bedömt.');
  }
  const s = doc.goalSummary;
  pdf.note(`Av ${doc.goals.length} mål: ${s.met} uppnådda, ${s.partly_met} delvis uppnådda, ${s.not_met} inte uppnådda${s.unassessed ? `, ${s.unassessed} inte bedömda` : ''}.`);

  if (doc.activities.length > 0) {
    pdf.heading('Aktiviteter för att nå målen');
    for (const a of doc.activities) {
      pdf.bullet(a.followUp.trim() ? `${a.text} ${a.followUp}` : a.text);
      pdf.doc.moveDown(0.3);
    }
  }

  if (doc.indicators.length > 0) {
    pdf.heading('Indikatorer');
    const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
    pdf.table(
      [
        { header: 'Indikator', width: width - 4 * 85 },
        { header: 'Föregående år', width: 85 },
        { header: 'Målvärde', width: 85 },
        { header: 'Utfall', width: 85 },
        { header: 'Uppfyllt', width: 85 },
      ],
      doc.indicators.map((x) => ({
        cells: [
          x.name,
          number(x.previous, x.unit),
          x.target === null ? '–' : `${x.direction === 'at_most' ? 'högst' : 'minst'} ${number(x.target, x.unit)}`,
          number(x.value, x.unit),
          x.met === null ? '–' : x.met ? 'Ja' : 'Nej',
        ],
      })),
    );
    for (const x of doc.indicators) if (x.comment.trim()) pdf.paragraph(x.comment, x.name);
  }

  if (doc.budget.lines.length > 0) {
    pdf.heading(`Budget ${doc.year}`);
    const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
    pdf.table(
      [
        { header: 'Post', width: width - 120 },
        { header: 'Belopp', width: 120 },
      ],
      [...doc.budget.lines.map((b) => ({ cells: [b.note ? `${b.label} (${b.note})` : b.label, kronor(b.amount)] })), { cells: ['Summa', kronor(doc.budget.total)], bold: true }],
    );
  }

  pdf.heading('Viktiga frågor som uppkommit under perioden');
  pdf.paragraph(doc.importantIssues.trim() || '–');

  if (doc.quality) {
    pdf.heading(`Avvikelser, klagomål och egenkontroller ${doc.year}`);
    const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
    pdf.table(
      [
        { header: 'Typ', width: width - 120 },
        { header: 'Antal', width: 120 },
      ],
      doc.quality.map((q) => ({ cells: [q.label, String(q.count)] })),
    );
  }

  if (doc.statistics) {
    pdf.doc.addPage();
    pdf.heading(`Statistik: ${doc.statistics.subtitle}`);
    writeStatisticsTables(pdf, doc.statistics, doc.statisticsComments);
    if (doc.statisticsComments.summary.trim()) {
      pdf.heading('Sammanfattande anteckning utifrån aktuell statistik');
      pdf.paragraph(doc.statisticsComments.summary);
    }
  } else if (doc.statisticsComments.summary.trim()) {
    pdf.heading('Sammanfattande anteckning utifrån aktuell statistik');
    pdf.paragraph(doc.statisticsComments.summary);
  }

  pdf.heading('Bilagor');
  const appendixTitles = [
    ...(doc.statistics ? [`Statistik för hela jouren ${doc.from}–${doc.to}`] : []),
    ...doc.appendices.map((a) => `Statistik för ${a.scope?.replace(/^Bilaga: /, '') ?? 'kommunen'} ${doc.from}–${doc.to}`),
  ];
  appendixTitles.forEach((title, i) => pdf.bullet(`${i + 1}. ${title}`));
  doc.appendices.forEach((appendix, i) => {
    pdf.doc.addPage();
    pdf.title(`Bilaga ${i + 1 + (doc.statistics ? 1 : 0)}: ${appendix.scope?.replace(/^Bilaga: /, '') ?? ''}`, `${doc.organisation} · ${appendix.title} · ${appendix.subtitle}`);
    writeStatisticsTables(pdf, appendix, null);
  });
  return pdf.finish(`${doc.organisation} · ${doc.title}${doc.status === 'draft' ? ' (utkast)' : ''}`);
}
