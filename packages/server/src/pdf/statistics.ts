import { formatCell, formatPercent, HIDDEN, reportTables, type ProtectedReport } from '@jourbok/domain';
import { PdfWriter } from './document.ts';

type ReportTables = ReturnType<typeof reportTables>;

/**
 * The statistics tables as in the jour's own reports: each table with counts
 * and percentages, a bar chart of the three years side by side, and, in the
 * assembled report, the unit manager's comment under it.
 */
export function writeStatisticsTables(
  pdf: PdfWriter,
  doc: Pick<ReportTables, 'years' | 'tables' | 'note'>,
  comments: Partial<Record<ReportTables['tables'][number]['key'], string>> | null = null,
) {
  const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
  const yearWidth = 90;
  for (const table of doc.tables) {
    pdf.keepTogether(60 + 16 * (table.rows.length + 1));
    pdf.heading(table.title);
    pdf.table(
      [{ header: table.rowHeading, width: width - yearWidth * doc.years.length }, ...doc.years.map((y) => ({ header: y, width: yearWidth }))],
      table.rows.map((r) => ({ cells: [r.label, ...r.cells.map(formatCell)], bold: r.isTotal, indent: r.indent })),
    );
    const rows = table.rows.filter((r) => !r.isTotal && r.cells.some((c) => (table.chart === 'count' ? c.count !== null : c.share !== null)));
    if (rows.length > 0) {
      pdf.barChart({
        categories: rows.map((r) => (r.indent ? `– ${r.label}` : r.label)),
        series: doc.years.map((year, i) => ({
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
    const comment = comments?.[table.key]?.trim();
    if (comment) pdf.paragraph(comment, 'Kommentar');
  }
  if (doc.note) pdf.note(doc.note);
}

/**
 * The tertial or annual report as a PDF for the members: the organisation and
 * the period, then the tables (writeStatisticsTables).
 */
export async function renderReportPdf(report: ProtectedReport): Promise<Buffer> {
  const doc = reportTables(report);
  const pdf = new PdfWriter(`${doc.organisation}: ${doc.title}`, `Statistik ${doc.subtitle}`);
  pdf.title(`${doc.title}`, `${doc.organisation} · ${doc.subtitle}${doc.scope ? ` · ${doc.scope}` : ''}`);
  writeStatisticsTables(pdf, doc);
  pdf.note('Ett ärende räknas till perioden efter den dag det kom in (svensk tid). Andelar är av periodens ärenden; andelen beviljat boende är av dem som sökt.');
  return pdf.finish(`${doc.organisation} · ${doc.title}${doc.scope ? ` · ${doc.scope}` : ''}`);
}
