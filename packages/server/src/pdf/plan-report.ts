import type { ReportDocumentView } from '@jourbok/contracts';
import { formatCell, formatPercent, HIDDEN } from '@jourbok/domain';
import { PdfWriter } from './document.ts';

type Tables = NonNullable<ReportDocumentView['statistics']>;
type Comments = ReportDocumentView['statisticsComments'];

const kronor = (amount: number) => `${new Intl.NumberFormat('sv-SE').format(amount).replace(/\u00a0|\u202f/g, ' ')} kr`;
const number = (value: number | null, unit: string) => (value === null ? '–' : `${String(value).replace('.', ',')}${unit ? ` ${unit}` : ''}`);

/** The statistics tables, each with its chart and, when written, the unit manager's comment under it. */
function writeTables(pdf: PdfWriter, tables: Tables, comments: Comments | null) {
  const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
  const yearWidth = 90;
  for (const table of tables.tables) {
    pdf.keepTogether(60 + 16 * (table.rows.length + 1));
    pdf.heading(table.title);
    pdf.table(
      [{ header: table.rowHeading, width: width - yearWidth * tables.years.length }, ...tables.years.map((y) => ({ header: y, width: yearWidth }))],
      table.rows.map((r) => ({ cells: [r.label, ...r.cells.map(formatCell)], bold: r.isTotal, indent: r.indent })),
    );
    const rows = table.rows.filter((r) => !r.isTotal && r.cells.some((c) => (table.chart === 'count' ? c.count !== null : c.share !== null)));
    if (rows.length > 0) {
      pdf.barChart({
        categories: rows.map((r) => (r.indent ? `– ${r.label}` : r.label)),
        series: tables.years.map((year, i) => ({
          name: year,
          values: rows.map((r) => {
            const cell = r.cells[i]!;
            if (table.chart === 'count') return cell.count === null || cell.countHidden ? null : cell.count;
            return cell.share === null || cell.shareHidden || cell.countHidden ? null : cell.share * 100;
          }),
        })),
        format: table.chart === 'count' ? (v) => String(v) : (v) => formatPercent(v / 100),
        ...(table.chart === 'share' ? { max: 100 } : {}),
        missing: HIDDEN,
      });
    }
    const comment = comments?.[table.key].trim();
    if (comment) pdf.paragraph(comment, 'Kommentar');
  }
  if (tables.note) pdf.note(tables.note);
}

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
    writeTables(pdf, doc.statistics, doc.statisticsComments);
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
    writeTables(pdf, appendix, null);
  });
  return pdf.finish(`${doc.organisation} · ${doc.title}${doc.status === 'draft' ? ' (utkast)' : ''}`);
}
