// The report as CSV (for Excel in Swedish) and as a readable text table.
import type { ProtectedReport } from './suppression.ts';
import { formatCell, reportTables, type ReportDocument } from './tables.ts';

/** Byte-order mark: Excel reads a CSV file as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

/** One CSV field, quoted per RFC 4180 when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter = ';'): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text: `;` between fields (Excel in Swedish), CRLF between records, every record as wide as the widest. */
export function toCsv(records: readonly (readonly string[])[], delimiter = ';'): string {
  const width = Math.max(0, ...records.map((r) => r.length));
  return records.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map((f) => csvField(f, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

function documentRecords(doc: ReportDocument): string[][] {
  const records: string[][] = [[doc.organisation], [`${doc.title}: ${doc.subtitle}`]];
  if (doc.scope) records.push([doc.scope]);
  for (const table of doc.tables) {
    records.push([]);
    records.push([table.title, ...doc.years]);
    for (const row of table.rows) records.push([row.indent ? `  ${row.label}` : row.label, ...row.cells.map(formatCell)]);
  }
  if (doc.note) records.push([], [doc.note]);
  return records;
}

/** The report as CSV with a UTF-8 byte-order mark, `;` delimited: the tables one after the other. */
export function formatReportCsv(report: ProtectedReport): string {
  return UTF8_BOM + toCsv(documentRecords(reportTables(report)));
}

/** The report as a readable text table (the CLI's default output). */
export function formatReportText(report: ProtectedReport): string {
  const doc = reportTables(report);
  const lines: string[] = [doc.organisation, `${doc.title}: ${doc.subtitle}`];
  if (doc.scope) lines.push(doc.scope);
  const labelWidth = Math.max(...doc.tables.flatMap((t) => [t.title.length, ...t.rows.map((r) => r.label.length + (r.indent ? 2 : 0))]));
  const cellWidth = Math.max(10, ...doc.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => formatCell(c).length))));
  for (const table of doc.tables) {
    lines.push('', [table.title.padEnd(labelWidth), ...doc.years.map((y) => y.padStart(cellWidth))].join('  '));
    for (const row of table.rows) {
      lines.push([(row.indent ? `  ${row.label}` : row.label).padEnd(labelWidth), ...row.cells.map((c) => formatCell(c).padStart(cellWidth))].join('  '));
    }
  }
  if (doc.note) lines.push('', doc.note);
  return lines.join('\n') + '\n';
}
