import ExcelJS from 'exceljs';
import { HIDDEN, reportTables, type ProtectedReport, type ReportTable } from '@jourbok/domain';

/** Sheet names (at most 31 characters, no : \ / ? * [ ]). */
const sheetNames: Record<ReportTable['key'], string> = {
  municipalities: 'Kommuner',
  categories: 'Karaktär',
  decisions: 'Beslut',
  keyFigures: 'Nyckeltal',
};

/**
 * The report as an Excel workbook: one sheet per table, Swedish headings,
 * counts and shares as numbers (shares formatted as per cent), so that the
 * figures can be worked on. A hidden small number is the text "x".
 */
export async function renderReportXlsx(report: ProtectedReport): Promise<Buffer> {
  const doc = reportTables(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jourbok';
  workbook.title = `${doc.organisation}: ${doc.title}`;
  for (const table of doc.tables) {
    const sheet = workbook.addWorksheet(sheetNames[table.key]);
    const hasShares = table.rows.some((r) => r.cells.some((c) => c.share !== null));
    const hasCounts = table.rows.some((r) => r.cells.some((c) => c.count !== null));
    sheet.addRow([doc.organisation]).font = { bold: true, size: 14 };
    sheet.addRow([`${doc.title}: ${doc.subtitle}`]);
    if (doc.scope) sheet.addRow([doc.scope]);
    sheet.addRow([]);
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    const heading = [table.rowHeading, ...(hasCounts ? doc.years.map((y) => `Antal ${y}`) : []), ...(hasShares ? doc.years.map((y) => `Andel ${y}`) : [])];
    const headingRow = sheet.addRow(heading);
    headingRow.font = { bold: true };
    headingRow.border = { bottom: { style: 'thin' } };
    for (const row of table.rows) {
      const counts = hasCounts ? row.cells.map((c) => (c.count === null ? null : c.countHidden ? (c.hiddenAs ?? HIDDEN) : c.count)) : [];
      const shares = hasShares ? row.cells.map((c) => (c.share === null ? null : c.shareHidden || c.countHidden ? HIDDEN : c.share)) : [];
      const added = sheet.addRow([row.indent ? `   ${row.label}` : row.label, ...counts, ...shares]);
      if (row.isTotal) added.font = { bold: true };
      if (hasShares) {
        const first = 2 + (hasCounts ? doc.years.length : 0);
        for (let i = 0; i < doc.years.length; i++) added.getCell(first + i).numFmt = '0.0 %';
      }
    }
    if (doc.note) {
      sheet.addRow([]);
      sheet.addRow([doc.note]).font = { italic: true };
    }
    sheet.getColumn(1).width = Math.max(24, ...table.rows.map((r) => r.label.length + 4));
    for (let i = 2; i <= heading.length; i++) {
      sheet.getColumn(i).width = 12;
      sheet.getColumn(i).alignment = { horizontal: 'right' };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
