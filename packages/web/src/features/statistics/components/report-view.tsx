// The report as people read it: per table, the counts with percentages for
// the three compared years (as in the jour's tertial report) and a chart.
import type { ProtectedReport } from '@jourbok/domain/statistics/suppression';
import { formatCell, reportTables, type ReportTable } from '@jourbok/domain/statistics/tables';
import { Table } from '../../../components/ui/table.tsx';
import { BarChart, type ChartRow } from './bar-chart.tsx';

function chartRows(table: ReportTable): ChartRow[] {
  return table.rows
    .filter((row) => !row.isTotal && (table.chart === 'count' || row.cells.some((c) => c.share !== null)))
    .map((row) => ({
      label: row.label,
      values: row.cells.map((c) => {
        if (table.chart === 'count') return c.count === null || c.countHidden ? null : c.count;
        return c.share === null || c.shareHidden || c.countHidden ? null : c.share;
      }),
      texts: row.cells.map(formatCell),
    }));
}

export function ReportView({ report }: { report: ProtectedReport }) {
  const doc = reportTables(report);
  return (
    <article className="report" aria-label={`${doc.title}${doc.scope ? `, ${doc.scope}` : ''}`}>
      <header className="report__header">
        <p className="report__organisation">{doc.organisation}</p>
        <h2 className="report__title">
          {doc.title}
          {doc.scope ? <span className="report__scope">{doc.scope}</span> : null}
        </h2>
        <p className="report__subtitle">{doc.subtitle}</p>
      </header>
      {doc.note ? <p className="report__note">{doc.note}</p> : null}
      {doc.tables.map((table) => (
        <section key={table.key} className="report__section" aria-label={table.title}>
          <h3 className="report__section-title">{table.title}</h3>
          <div className="report__grid">
            <Table caption={table.title} captionHidden className="report__table">
              <thead>
                <tr>
                  <th scope="col">{table.rowHeading}</th>
                  {doc.years.map((y) => (
                    <th scope="col" key={y} className="table__number">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.label} className={[row.isTotal ? 'report__total' : '', row.indent ? 'report__sub' : ''].filter(Boolean).join(' ') || undefined}>
                    <th scope="row">{row.label}</th>
                    {row.cells.map((cell, i) => (
                      <td key={doc.years[i]} className={`table__number${cell.countHidden || (cell.count === null && cell.shareHidden) ? ' report__hidden' : ''}`}>
                        {formatCell(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
            <BarChart title={table.title} years={doc.years} rows={chartRows(table)} unit={table.chart} />
          </div>
        </section>
      ))}
    </article>
  );
}
