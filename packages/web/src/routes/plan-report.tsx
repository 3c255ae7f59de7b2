// /verksamhetsplan/:year/:period/rapport: the tertial report or the annual
// report as one document (as the PDF that is sent to the members): the goal
// follow-up, activities, indicators, budget, important issues, the statistics
// with comments and charts, and the member appendices.
import { formatCell, formatPercent } from '@jourbok/domain/statistics/tables';
import { useParams } from 'react-router';
import { BarChart } from '../components/charts/bar-chart.tsx';
import { Banner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useReportDocument, type ReportDocument } from '../features/plans/api.ts';
import { plansSv } from '../features/plans/sv.ts';
import { useCan } from '../features/session/api.ts';
import { NotFoundPage } from './not-found.tsx';

const t = plansSv.report;
type Tables = NonNullable<ReportDocument['statistics']>;
type Comments = ReportDocument['statisticsComments'];
const statusTone = { met: 'success', partly_met: 'warning', not_met: 'danger' } as const;
const number = (v: number | null, unit: string) => (v === null ? '–' : `${String(v).replace('.', ',')}${unit ? ` ${unit}` : ''}`);

function StatisticsTables({ tables, comments, headingId }: { tables: Tables; comments: Comments | null; headingId: string }) {
  return (
    <div className="stack">
      {tables.tables.map((table) => {
        const current = tables.years.length - 1;
        const rows = table.rows.filter((r) => !r.isTotal && r.cells.some((c) => (table.chart === 'count' ? c.count !== null : c.share !== null)));
        return (
          <section key={table.key} aria-labelledby={`${headingId}-${table.key}`}>
            <h3 id={`${headingId}-${table.key}`}>{table.title}</h3>
            <Table caption={`${table.title} ${tables.scope ?? ''}`} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{table.rowHeading}</th>
                  {tables.years.map((y) => (
                    <th key={y} scope="col" className="numeric">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row" className={r.indent ? 'indent' : undefined}>
                      {r.isTotal ? <strong>{r.label}</strong> : r.indent ? `– ${r.label}` : r.label}
                    </th>
                    {r.cells.map((c, i) => (
                      <td key={tables.years[i]} className="numeric">
                        {r.isTotal ? <strong>{formatCell(c)}</strong> : formatCell(c)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
            <BarChart
              title={`${table.title}, ${tables.years[current]}`}
              orientation="horizontal"
              data={rows.map((r) => {
                const c = r.cells[current]!;
                const value = table.chart === 'count' ? (c.countHidden ? 0 : (c.count ?? 0)) : c.shareHidden || c.countHidden ? 0 : (c.share ?? 0) * 100;
                return { label: r.indent ? `– ${r.label}` : r.label, value, detail: `${r.label} ${tables.years[current]}: ${formatCell(c)}` };
              })}
              format={table.chart === 'count' ? String : (v) => formatPercent(v / 100)}
            />
            {comments?.[table.key] ? (
              <p className="prose">
                <strong>{t.comment}:</strong> {comments[table.key]}
              </p>
            ) : null}
          </section>
        );
      })}
      {tables.note ? <p className="muted">{tables.note}</p> : null}
    </div>
  );
}

function Document({ doc }: { doc: ReportDocument }) {
  const s = doc.goalSummary;
  return (
    <article className="stack report-document">
      {doc.status === 'draft' ? <Banner kind="warning">{t.draft}</Banner> : null}
      {doc.intro ? <p className="prose">{doc.intro}</p> : null}
      <Section title={t.goals(doc.year)} id="goals">
        <ol className="stack">
          {doc.goals.map((g) => (
            <li key={g.id}>
              <p>
                <strong>{g.title}</strong>
              </p>
              <p>{g.status ? <Badge tone={statusTone[g.status]}>{g.statusLabel}</Badge> : <Badge>{t.unassessed}</Badge>}</p>
              {g.text ? <p className="prose">{g.text}</p> : null}
            </li>
          ))}
        </ol>
        <p className="muted">{t.summary(doc.goals.length, s.met, s.partly_met, s.not_met)}</p>
      </Section>
      {doc.activities.length > 0 ? (
        <Section title={t.activities} id="activities">
          <ul>
            {doc.activities.map((a) => (
              <li key={a.id}>
                {a.text} {a.followUp ? <em>{a.followUp}</em> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {doc.indicators.length > 0 ? (
        <Section title={t.indicators} id="indicators">
          <Table caption={t.indicators} captionHidden>
            <thead>
              <tr>
                {t.indicatorHead.map((h, i) => (
                  <th key={h} scope="col" className={i > 0 ? 'numeric' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {doc.indicators.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    {x.name}
                    {x.comment ? <div className="muted">{x.comment}</div> : null}
                  </th>
                  <td className="numeric">{number(x.previous, x.unit)}</td>
                  <td className="numeric">{x.target === null ? '–' : `${x.direction === 'at_most' ? 'högst' : 'minst'} ${number(x.target, x.unit)}`}</td>
                  <td className="numeric">{number(x.value, x.unit)}</td>
                  <td className="numeric">{x.met === null ? '–' : x.met ? t.yes : t.no}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
      ) : null}
      {doc.budget.lines.length > 0 ? (
        <Section title={t.budget(doc.year)} id="budget">
          <Table caption={t.budget(doc.year)} captionHidden>
            <tbody>
              {doc.budget.lines.map((b) => (
                <tr key={b.label}>
                  <th scope="row">
                    {b.label}
                    {b.note ? <div className="muted">{b.note}</div> : null}
                  </th>
                  <td className="numeric">{b.amount.toLocaleString('sv-SE')} kr</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.total}</th>
                <td className="numeric">
                  <strong>{doc.budget.total.toLocaleString('sv-SE')} kr</strong>
                </td>
              </tr>
            </tbody>
          </Table>
        </Section>
      ) : null}
      <Section title={t.importantIssues} id="issues">
        <p className="prose">{doc.importantIssues || '–'}</p>
      </Section>
      {doc.quality ? (
        <Section title={`Avvikelser, klagomål och egenkontroller ${doc.year}`} id="quality">
          <Table caption={`Avvikelser, klagomål och egenkontroller ${doc.year}`} captionHidden>
            <tbody>
              {doc.quality.map((q) => (
                <tr key={q.label}>
                  <th scope="row">{q.label}</th>
                  <td className="numeric">{q.count}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
      ) : null}
      {doc.statistics ? (
        <Section title={`${t.statistics}: ${doc.statistics.subtitle}`} id="statistics">
          <StatisticsTables tables={doc.statistics} comments={doc.statisticsComments} headingId="statistics" />
        </Section>
      ) : null}
      {doc.statisticsComments.summary ? (
        <Section title={t.statisticsSummary} id="statistics-summary">
          <p className="prose">{doc.statisticsComments.summary}</p>
        </Section>
      ) : null}
      <Section title={t.appendices} id="appendices">
        {doc.appendices.map((a, i) => (
          <details key={a.municipality ?? i} className="appendix">
            <summary>{t.appendix(i + 1 + (doc.statistics ? 1 : 0), a.scope?.replace(/^Bilaga: /, '') ?? '')}</summary>
            <StatisticsTables tables={a} comments={null} headingId={`appendix-${a.municipality ?? i}`} />
          </details>
        ))}
      </Section>
    </article>
  );
}

export function PlanReportPage() {
  const params = useParams();
  const can = useCan();
  const year = Number(params.year);
  const period = params.period ?? '';
  const valid = Number.isInteger(year) && ['T1', 'T2', 'T3', 'year'].includes(period);
  const doc = useReportDocument(year, period);
  if (!valid) return <NotFoundPage />;
  return (
    <QueryState query={doc}>
      {(d) => (
        <>
          <PageHeader
            title={d.title}
            lead={`${d.organisation} · ${d.periodText}`}
            actions={
              <>
                {can('plans.write') ? <ButtonLink to={`/verksamhetsplan/${year}/${period}`}>{t.edit}</ButtonLink> : null}
                <a className="button button--primary" href={d.pdfUrl} download>
                  {t.download}
                </a>
              </>
            }
          />
          <Document doc={d} />
        </>
      )}
    </QueryState>
  );
}
