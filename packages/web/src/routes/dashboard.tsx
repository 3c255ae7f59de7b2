// /oversikt/statistik: the unit manager's statistics dashboard. Aggregates
// only (no personal data), drawn as small interactive SVG charts.
import { useState } from 'react';
import { BarChart } from '../components/charts/bar-chart.tsx';
import { LineChart } from '../components/charts/line-chart.tsx';
import { SelectField } from '../components/ui/field.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useDashboard, type Dashboard } from '../features/dashboard/api.ts';
import { plansSv } from '../features/plans/sv.ts';

const t = plansSv.dashboard;
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)} %`);
const decimal = (value: number) => value.toLocaleString('sv-SE', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const change = (before: number, now: number) => {
  if (before === 0) return t.noChange;
  const c = Math.round(((now - before) / before) * 100);
  return `${c > 0 ? '+' : c < 0 ? '−' : '±'}${Math.abs(c)} %`;
};
const shortDay = (date: string) => `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}`;
const shortMonth = (month: string) => `${['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

function Kpis({ d }: { d: Dashboard }) {
  const decisions = d.decisions.reduce((s, x) => s + x.count, 0);
  const items: [string, string, string?][] = [
    [t.kpi.cases, String(d.totals.cases)],
    [t.kpi.perNight, decimal(d.totals.cases / Math.max(1, d.totals.nights))],
    [t.kpi.youthShare, percent(d.totals.youthCases, d.totals.cases), `${d.totals.youthCases} ärenden`],
    [t.kpi.closedShare, percent(d.totals.closedAtJour, d.totals.cases), `${d.totals.closedAtJour} ärenden`],
    [t.kpi.turnOuts, String(d.turnOuts.count)],
    [t.kpi.medianArrival, t.minutes(d.turnOuts.medianMinutes), t.kpi.withinBenchmark(d.turnOuts.withinBenchmark, d.turnOuts.withArrival, d.turnOuts.benchmarkMinutes)],
    [t.kpi.decisions, String(decisions)],
  ];
  return (
    <ul className="kpi-grid" aria-label="Nyckeltal">
      {items.map(([label, value, detail]) => (
        <li key={label} className="kpi">
          <div className="kpi__label">{label}</div>
          <div className="kpi__value" data-kpi={label}>
            {value}
          </div>
          {detail ? <div className="kpi__detail">{detail}</div> : null}
        </li>
      ))}
    </ul>
  );
}

function TertialComparison({ d }: { d: Dashboard }) {
  const { current, lastYear } = d.tertial;
  const rows: [string, number, number, (v: number) => string][] = [
    [t.tertialRows.cases, lastYear.cases, current.cases, String],
    [t.tertialRows.perNight, lastYear.cases / lastYear.nights, current.cases / current.nights, decimal],
    [t.tertialRows.youthCases, lastYear.youthCases, current.youthCases, String],
    [t.tertialRows.closedAtJour, lastYear.closedAtJour, current.closedAtJour, String],
    [t.tertialRows.turnOuts, lastYear.turnOuts, current.turnOuts, String],
    [t.tertialRows.decisions, lastYear.decisions, current.decisions, String],
  ];
  return (
    <Section title={t.tertial(d.tertial.tertial, d.tertial.year)} id="tertial">
      <p className="muted">
        {current.from}–{current.to} jämfört med {lastYear.from}–{lastYear.to}
      </p>
      <Table caption={t.tertial(d.tertial.tertial, d.tertial.year)} captionHidden>
        <thead>
          <tr>
            {t.tertialHead.map((h) => (
              <th key={h} scope="col" className={h ? 'numeric' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, before, now, format]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="numeric">{format(before)}</td>
              <td className="numeric">{format(now)}</td>
              <td className="numeric">{change(before, now)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

function Charts({ d }: { d: Dashboard }) {
  // Hours in the order of a shift: from 08:00 to 07:00 the next morning.
  const hours = [...d.perHour.slice(8), ...d.perHour.slice(0, 8)];
  return (
    <>
      <div className="chart-grid">
        <BarChart title={t.perNight} hint={t.perNightHint} data={d.perNight.map((n) => ({ label: shortDay(n.night), value: n.cases, detail: `Natten mot ${shortDay(n.night)}: ${n.cases} ärenden` }))} labelEvery={5} />
        <BarChart title={t.perHour} data={hours.map((h) => ({ label: String(h.hour).padStart(2, '0'), value: h.cases, detail: `${String(h.hour).padStart(2, '0')}:00–${String(h.hour).padStart(2, '0')}:59: ${h.cases} ärenden` }))} labelEvery={2} />
        <BarChart
          title={t.perWeekday}
          data={d.perWeekday.map((w) => ({ label: t.weekdays[w.weekday - 1]!, value: w.nights === 0 ? 0 : w.cases / w.nights, detail: `${t.weekdays[w.weekday - 1]}: ${decimal(w.nights === 0 ? 0 : w.cases / w.nights)} ärenden per natt (${w.nights} nätter)` }))}
          format={decimal}
        />
        <LineChart title={t.trend} labels={d.trend.map((m) => shortMonth(m.month))} series={[{ name: 'Ärenden', values: d.trend.map((m) => m.cases) }]} />
        <LineChart
          title={t.trendShares}
          labels={d.trend.map((m) => shortMonth(m.month))}
          series={[
            { name: t.youthShare, values: d.trend.map((m) => (m.cases === 0 ? 0 : (m.youthCases / m.cases) * 100)) },
            { name: t.closedShare, values: d.trend.map((m) => (m.cases === 0 ? 0 : (m.closedAtJour / m.cases) * 100)) },
          ]}
          format={(v) => `${Math.round(v)} %`}
          max={100}
        />
      </div>
      <div className="chart-grid">
        <BarChart title={t.byCategory} orientation="horizontal" data={d.byCategory.map((c) => ({ label: c.name, value: c.cases, detail: `${c.name}: ${c.cases} ärenden (${percent(c.cases, d.totals.cases)})` }))} />
        <BarChart title={t.byMunicipality} orientation="horizontal" data={d.byMunicipality.map((m) => ({ label: m.name, value: m.cases, detail: `${m.name}: ${m.cases} ärenden (${percent(m.cases, d.totals.cases)})` }))} />
        <BarChart title={t.decisions} orientation="horizontal" data={d.decisions.map((x) => ({ label: x.name, value: x.count }))} />
      </div>
    </>
  );
}

export function DashboardPage() {
  const [months, setMonths] = useState(12);
  const dashboard = useDashboard(months);
  return (
    <>
      <PageHeader title={t.title} lead={dashboard.data ? t.lead(dashboard.data.from, dashboard.data.to) : undefined} />
      <div className="toolbar">
        <SelectField label={t.months} name="months" value={String(months)} onChange={(v) => setMonths(Number(v))} options={Object.entries(t.monthOptions).map(([value, label]) => ({ value, label }))} />
      </div>
      <QueryState query={dashboard}>
        {(d) => (
          <>
            <Kpis d={d} />
            <TertialComparison d={d} />
            <Charts d={d} />
          </>
        )}
      </QueryState>
    </>
  );
}
