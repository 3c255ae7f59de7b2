import { formatCell, formatPercent, HIDDEN, reportTables, type ProtectedReport } from '@jourbok/domain';
import { PdfWriter } from './document.ts';

/**
 * The tertial or annual report as a PDF for the members: the organisation and
 * the period, then each table with counts and percentages as in the jour's
 * own reports, and a bar chart per table (the three years side by side).
 */
export async function renderReportPdf(report: ProtectedReport): Promise<Buffer> {
  const doc = reportTables(report);
  const pdf = new PdfWriter(`${doc.organisation}: ${doc.title}`, `Statistik ${doc.subtitle}`);
  pdf.title(`${doc.title}`, `${doc.organisation} · ${doc.subtitle}${doc.scope ? ` · ${doc.scope}` : ''}`);
  const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
  const yearWidth = 90;
  for (const table of doc.tables) {
    pdf.keepTogether(60 + 16 * (table.rows.length + 1));
    pdf.heading(table.title);
    pdf.table(
      [{ header: table.rowHeading, width: width - yearWidth * doc.years.length }, ...doc.years.map((y) => ({ header: y, width: yearWidth }))],
      table.rows.map((r) => ({ cells: [r.label, ...r.cells.map(formatCell)], bold: r.isTotal, indent: r.indent })),
    );
    const rows = table.rows.filter((r) => !r.isTotal && (table.chart === 'count' ? r.cells.some((c) => c.count !== null) : r.cells.some((c) => c.share !== null)));
    if (rows.length === 0) continue;
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
  if (doc.note) pdf.note(doc.note);
  pdf.note('Ett ärende räknas till perioden efter den dag det kom in (svensk tid). Andelar är av periodens ärenden; andelen beviljat boende är av dem som sökt.');
  return pdf.finish(`${doc.organisation} · ${doc.title}${doc.scope ? ` · ${doc.scope}` : ''}`);
}
