// /ekonomi: budget and outcome with follow-up and forecast, the invoicing
// periods with the allocation between the members (population and minutes
// behind every part), direct costs case by case, closing and downloads.
// For the controller and the unit manager; no personal data anywhere.
import { useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { SelectField, TextField } from '../components/ui/field.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import {
  allocationUrl,
  count,
  kr,
  percent,
  useAllocation,
  useClosePeriod,
  useImportOutcome,
  useMoneyOverview,
  useSetBudget,
  useSetDirectCostMode,
  useSetOutcome,
  useSetPeriodAmount,
  type InvoiceBasis,
  type MoneyOverview,
} from '../features/money/api.ts';
import { moneySv as t } from '../features/money/sv.ts';
import { useCan } from '../features/session/api.ts';
import { stockholmDate } from '../lib/format.ts';

const num = { className: 'numeric', style: { textAlign: 'right' as const } };

function FollowUpSection({ o }: { o: MoneyOverview }) {
  const deviation = o.total.deviation;
  const negative = deviation.startsWith('-');
  return (
    <Section title={t.followUp} id="uppfoljning">
      <p>{t.followUpLead(o.monthsWithOutcome)}</p>
      <Banner kind={negative ? 'warning' : 'success'}>{negative ? t.deficit(kr(deviation.slice(1))) : t.surplus(kr(deviation))}</Banner>
      <Table caption={t.followUp} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            <th scope="col" {...num}>{t.budget}</th>
            <th scope="col" {...num}>{t.budgetToDate}</th>
            <th scope="col" {...num}>{t.outcomeToDate}</th>
            <th scope="col" {...num}>{t.forecast}</th>
            <th scope="col" {...num}>{t.deviation}</th>
          </tr>
        </thead>
        <tbody>
          {o.groups.map((g) => [
            <tr key={g.group}>
              <th scope="rowgroup" colSpan={6}>{t.groups[g.group]}</th>
            </tr>,
            ...o.lines
              .filter((l) => l.group === g.group)
              .map((l) => (
                <tr key={l.code}>
                  <td>{l.name}</td>
                  <td {...num}>{kr(l.budget)}</td>
                  <td {...num}>{kr(l.budgetToDate)}</td>
                  <td {...num}>{kr(l.outcomeToDate)}</td>
                  <td {...num}>{kr(l.forecast)}</td>
                  <td {...num}>{kr(l.deviation)}</td>
                </tr>
              )),
            <tr key={`${g.group}-sum`}>
              <td><strong>{`Summa ${t.groups[g.group]?.toLowerCase()}`}</strong></td>
              <td {...num}><strong>{kr(g.budget)}</strong></td>
              <td {...num} />
              <td {...num}><strong>{kr(g.outcomeToDate)}</strong></td>
              <td {...num}><strong>{kr(g.forecast)}</strong></td>
              <td {...num}><strong>{kr(g.deviation)}</strong></td>
            </tr>,
          ])}
          <tr>
            <td><strong>{t.total}</strong></td>
            <td {...num}><strong>{kr(o.total.budget)}</strong></td>
            <td {...num}><strong>{kr(o.total.budgetToDate)}</strong></td>
            <td {...num}><strong>{kr(o.total.outcomeToDate)}</strong></td>
            <td {...num}><strong>{kr(o.total.forecast)}</strong></td>
            <td {...num}><strong>{kr(o.total.deviation)}</strong></td>
          </tr>
        </tbody>
      </Table>
    </Section>
  );
}

function AmountLinesForm({ o, title, submit, pending, error, saved, initial, extra }: {
  o: MoneyOverview;
  title: string;
  submit: (lines: { line: string; amountSek: string }[]) => void;
  pending: boolean;
  error: unknown;
  saved: string | null;
  initial: (code: string) => string;
  extra?: React.ReactNode;
}) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const value = (code: string) => draft[code] ?? initial(code);
  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        submit(o.lines.map((l) => ({ line: l.code, amountSek: value(l.code) })));
      }}
      className="stack"
    >
      {extra}
      <ErrorBanner error={error} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: '0.5rem 1rem' }}>
        {o.lines.map((l) => (
          <TextField key={l.code} label={l.name} name={l.code} value={value(l.code)} onChange={(v) => setDraft((d) => ({ ...d, [l.code]: v }))} inputMode="decimal" autoComplete="off" />
        ))}
      </div>
      <p className="field__hint">{t.amountHint}</p>
      <div>
        <Button type="submit" variant="primary" pending={pending}>
          {title === t.budgetEntry ? t.saveBudget : t.saveOutcome}
        </Button>
      </div>
      {saved ? <Banner kind="success">{saved}</Banner> : null}
    </form>
  );
}

const sekInput = (money: string | null | undefined) => (money ? money.replace('.', ',').replace(/,00$/, '') : '');

function OutcomeEntry({ o }: { o: MoneyOverview }) {
  const [month, setMonth] = useState(String(Math.min(12, Math.max(1, o.monthsWithOutcome + 1))));
  const [saved, setSaved] = useState<string | null>(null);
  const setOutcome = useSetOutcome();
  const importOutcome = useImportOutcome();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Section title={t.outcomeEntry} id="utfall">
      <AmountLinesForm
        key={`${o.year}-${month}`}
        o={o}
        title={t.outcomeEntry}
        pending={setOutcome.isPending}
        error={setOutcome.error}
        saved={saved}
        initial={(code) => sekInput(o.lines.find((l) => l.code === code)?.outcomeByMonth[Number(month) - 1])}
        extra={<SelectField label={t.month} name="month" value={month} onChange={(v) => (setMonth(v), setSaved(null))} options={t.months.map((m, i) => ({ value: String(i + 1), label: `${m} ${o.year}` }))} className="field--narrow" />}
        submit={(lines) => setOutcome.mutate({ year: o.year, month: Number(month), lines }, { onSuccess: () => setSaved(t.outcomeSaved) })}
      />
      <form
        className="stack"
        aria-label={t.importTitle}
        onSubmit={(e) => {
          e.preventDefault();
          if (file) void file.text().then((csv) => importOutcome.mutate(csv));
        }}
      >
        <h3>{t.importTitle}</h3>
        <p className="field__hint">{t.importHint}</p>
        <div className="field">
          <label className="field__label" htmlFor="ledger-file">{t.importFile}</label>
          <input id="ledger-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <ErrorBanner error={importOutcome.error} />
        {importOutcome.data ? <Banner kind="success">{t.imported(importOutcome.data.rows, importOutcome.data.months, kr(importOutcome.data.total))}</Banner> : null}
        <div>
          <Button type="submit" pending={importOutcome.isPending} disabled={!file}>{t.importSubmit}</Button>
        </div>
      </form>
    </Section>
  );
}

function BudgetEntry({ o }: { o: MoneyOverview }) {
  const setBudget = useSetBudget();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <details className="section">
      <summary>{t.budgetEntry}</summary>
      <AmountLinesForm
        key={o.year}
        o={o}
        title={t.budgetEntry}
        pending={setBudget.isPending}
        error={setBudget.error}
        saved={saved}
        initial={(code) => sekInput(o.lines.find((l) => l.code === code)?.budget)}
        submit={(lines) => setBudget.mutate({ year: o.year, lines: lines.map((l) => ({ ...l, amountSek: l.amountSek || '0' })) }, { onSuccess: () => setSaved(t.budgetSaved) })}
      />
    </details>
  );
}

function PeriodsSection({ o, selected, select }: { o: MoneyOverview; selected: number | null; select: (p: number) => void }) {
  const reconciled = o.reconciliation.difference === '0.00';
  return (
    <Section title={t.periods} id="perioder">
      <p>{t.periodsLead}</p>
      <Table caption={t.periods} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t.period}</th>
            <th scope="col">{t.dates}</th>
            <th scope="col">{t.invoiced}</th>
            <th scope="col" {...num}>{t.outcome}</th>
            <th scope="col" {...num}>{t.amount}</th>
            <th scope="col">{t.status}</th>
            <th scope="col"><span className="visually-hidden">{t.show(0)}</span></th>
          </tr>
        </thead>
        <tbody>
          {o.periods.map((p) => (
            <tr key={p.period} aria-current={selected === p.period ? 'true' : undefined}>
              <td>{p.period}</td>
              <td>{`${p.from} – ${p.to}`}</td>
              <td>{p.invoicedIn}</td>
              <td {...num}>{kr(p.outcome)}</td>
              <td {...num}>{kr(p.amount)}{p.amountSource === 'entered' ? ' *' : ''}</td>
              <td>{p.closed ? <Badge tone="closed">{t.closed(stockholmDate(p.closed.at), p.closed.byName)}</Badge> : <Badge tone={p.ended ? 'open' : 'standby'}>{p.ended ? t.open : t.ongoing}</Badge>}</td>
              <td>
                <Button size="small" variant={selected === p.period ? 'primary' : 'secondary'} onClick={() => select(p.period)}>
                  {t.show(p.period)}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="numeric">{t.reconciliation(kr(o.reconciliation.yearOutcome), kr(o.reconciliation.periodsTotal), kr(o.reconciliation.difference))}</p>
      <Banner kind={reconciled ? 'success' : 'warning'}>{reconciled ? t.reconciled : t.notReconciled}</Banner>
    </Section>
  );
}

function Why({ basis, m }: { basis: InvoiceBasis; m: InvoiceBasis['document']['municipalities'][number] }) {
  const d = basis.document;
  const costs = basis.directCosts.filter((c) => c.municipalityCode === m.code);
  return (
    <details>
      <summary>{t.why(m.name)}</summary>
      <p>{t.whyPopulation(m.name, count(m.population), count(d.totals.population), percent(m.populationShare), kr(d.totals.populationPart), kr(m.populationPart))}</p>
      <p>
        {basis.timeByPopulation
          ? t.whyTimeByPopulation(m.name, percent(m.timeShare), kr(d.totals.timePart), kr(m.timePart))
          : t.whyTime(m.name, count(m.minutes), count(d.totals.minutes), percent(m.timeShare), kr(d.totals.timePart), kr(m.timePart))}
      </p>
      {costs.length > 0 ? <p>{t.whyDirect(m.name, kr(m.directCosts), costs.length)}</p> : null}
    </details>
  );
}

function AllocationSection({ o, period }: { o: MoneyOverview; period: number }) {
  const can = useCan();
  const manage = can('costs.manage');
  const query = useAllocation(o.year, period);
  const summary = o.periods.find((p) => p.period === period)!;
  const setAmount = useSetPeriodAmount();
  const close = useClosePeriod();
  const [amount, setAmountDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <Section title={t.allocationTitle(period, o.year)} id="fordelning">
      <QueryState query={query}>
        {(basis) => {
          const d = basis.document;
          return (
            <div className="stack">
              {basis.closed ? <Banner kind="info">{t.frozen(stockholmDate(basis.closed.at), basis.closed.byName)}</Banner> : <Banner kind="warning">{t.preliminary}</Banner>}
              {close.isSuccess && basis.closed ? <Banner kind="success">{t.closedNow(period)}</Banner> : null}
              <p>
                {t.amountLine(kr(d.amount), t.amountSource[basis.amountSource] ?? '')} {t.halves(kr(d.totals.populationPart), kr(d.totals.timePart))}
              </p>
              {basis.timeByPopulation ? <p>{t.timeByPopulation}</p> : null}
              <Table caption={t.allocationTitle(period, o.year)} captionHidden>
                <thead>
                  <tr>
                    <th scope="col">{t.municipality}</th>
                    <th scope="col" {...num}>{t.population}</th>
                    <th scope="col" {...num}>{t.populationShare}</th>
                    <th scope="col" {...num}>{t.populationPart}</th>
                    <th scope="col" {...num}>{t.minutes}</th>
                    <th scope="col" {...num}>{t.timeShare}</th>
                    <th scope="col" {...num}>{t.timePart}</th>
                    <th scope="col" {...num}>{t.sum}</th>
                    <th scope="col" {...num}>{t.directCosts}</th>
                    <th scope="col" {...num}>{t.invoiceTotal}</th>
                    <th scope="col">{t.downloads}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.municipalities.map((m) => (
                    <tr key={m.code} data-municipality={m.code}>
                      <td>
                        <strong>{m.name}</strong> <span className="numeric">({m.code})</span>
                        <Why basis={basis} m={m} />
                      </td>
                      <td {...num}>{count(m.population)}</td>
                      <td {...num}>{percent(m.populationShare)}</td>
                      <td {...num}>{kr(m.populationPart)}</td>
                      <td {...num}>{count(m.minutes)}</td>
                      <td {...num}>{percent(m.timeShare)}</td>
                      <td {...num}>{kr(m.timePart)}</td>
                      <td {...num}>{kr(m.total)}</td>
                      <td {...num}>{kr(m.directCosts)}</td>
                      <td {...num}><strong>{kr(m.invoiceTotal)}</strong></td>
                      <td>
                        <a href={allocationUrl(o.year, period, 'pdf', m.code)} download aria-label={`${t.pdf} ${m.name}`}>{t.pdf}</a>{' · '}
                        <a href={allocationUrl(o.year, period, 'xlsx', m.code)} download aria-label={`${t.xlsx} ${m.name}`}>{t.xlsx}</a>
                      </td>
                    </tr>
                  ))}
                  <tr>
                    <td><strong>{t.total}</strong></td>
                    <td {...num}><strong>{count(d.totals.population)}</strong></td>
                    <td {...num} />
                    <td {...num}><strong>{kr(d.totals.populationPart)}</strong></td>
                    <td {...num}><strong>{count(d.totals.minutes)}</strong></td>
                    <td {...num} />
                    <td {...num}><strong>{kr(d.totals.timePart)}</strong></td>
                    <td {...num}><strong>{kr(d.totals.total)}</strong></td>
                    <td {...num}><strong>{kr(d.totals.directCosts)}</strong></td>
                    <td {...num}><strong>{kr(d.totals.invoiceTotal)}</strong></td>
                    <td />
                  </tr>
                </tbody>
              </Table>
              <p className="field__hint">{t.rounding} {t.unallocated(count(d.unallocatedMinutes))}</p>
              <p>
                <a href={allocationUrl(o.year, period, 'csv')} download>{t.csvAll}</a>{' · '}
                <a href={allocationUrl(o.year, period, 'pdf')} download>{`${t.pdf} (${t.total.toLowerCase()})`}</a>{' · '}
                <a href={allocationUrl(o.year, period, 'xlsx')} download>{`${t.xlsx} (${t.total.toLowerCase()})`}</a>
              </p>

              <h3>{t.directCostsTitle}</h3>
              <p>{t.directCostsLead}</p>
              {basis.directCostMode === 'monthly' ? <Banner kind="info">{t.modeMonthlyNote}</Banner> : null}
              {basis.directCosts.length === 0 ? (
                <p>{t.noDirectCosts}</p>
              ) : (
                <Table caption={t.directCostsTitle} captionHidden>
                  <thead>
                    <tr>
                      <th scope="col">{t.municipality}</th>
                      <th scope="col">{t.caseNumber}</th>
                      <th scope="col">{t.date}</th>
                      <th scope="col">{t.kind}</th>
                      <th scope="col" {...num}>{t.amount}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {basis.directCosts.map((c, i) => (
                      <tr key={`${c.caseNumber}-${i}`}>
                        <td>{d.municipalities.find((m) => m.code === c.municipalityCode)?.name ?? c.municipalityCode}</td>
                        <td className="numeric">{c.caseNumber}</td>
                        <td>{c.date}{c.date !== c.costDate ? ` (${t.movedFrom(c.costDate)})` : ''}</td>
                        <td>{t.kinds[c.kind] ?? c.kind}</td>
                        <td {...num}>{kr(c.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
              {basis.otherDirectCosts !== '0.00' ? <p>{t.otherDirectCosts(kr(basis.otherDirectCosts))}</p> : null}

              {manage && !basis.closed ? (
                <>
                  <form
                    className="inline-form"
                    aria-label={t.setAmount}
                    onSubmit={(e) => {
                      e.preventDefault();
                      setAmount.mutate({ year: o.year, period, amountSek: (amount ?? '').trim() === '' ? null : amount });
                    }}
                  >
                    <ErrorBanner error={setAmount.error} />
                    <div className="inline-form__fields">
                      <TextField label={t.setAmount} name="periodAmount" value={amount ?? sekInput(summary.enteredAmount)} onChange={setAmountDraft} hint={t.setAmountHint} inputMode="decimal" autoComplete="off" />
                      <Button type="submit" pending={setAmount.isPending}>{t.saveAmount}</Button>
                    </div>
                  </form>
                  <h3>{t.closeTitle}</h3>
                  <p>{t.closeLead}</p>
                  {!summary.ended ? <p>{t.cannotCloseYet(summary.to)}</p> : null}
                  <ErrorBanner error={close.error} />
                  {confirming ? (
                    <div className="inline-form__fields">
                      <Button variant="danger" pending={close.isPending} onClick={() => close.mutate({ year: o.year, period }, { onSettled: () => setConfirming(false) })}>
                        {t.confirmClose(period)}
                      </Button>
                      <Button variant="quiet" onClick={() => setConfirming(false)}>{t.cancel}</Button>
                    </div>
                  ) : (
                    <div>
                      <Button variant="primary" disabled={!summary.ended} onClick={() => setConfirming(true)}>{t.close(period)}</Button>
                    </div>
                  )}
                </>
              ) : null}
            </div>
          );
        }}
      </QueryState>
    </Section>
  );
}

function DirectCostMode({ o }: { o: MoneyOverview }) {
  const setMode = useSetDirectCostMode();
  const [month, setMonth] = useState('1');
  return (
    <Section title={t.modeTitle} id="direkta">
      <form
        className="inline-form"
        aria-label={t.modeTitle}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setMode.mutate(data.get('mode') === 'monthly' ? 'monthly' : 'period');
        }}
      >
        <ErrorBanner error={setMode.error} />
        <div className="inline-form__fields">
          <div className="field">
            <label className="field__label" htmlFor="mode">{t.modeTitle}</label>
            <select id="mode" name="mode" defaultValue={o.directCosts} key={o.directCosts}>
              <option value="period">{t.modePeriod}</option>
              <option value="monthly">{t.modeMonthly}</option>
            </select>
          </div>
          <Button type="submit" pending={setMode.isPending}>{t.saveMode}</Button>
        </div>
      </form>
      <div className="inline-form__fields">
        <SelectField label={t.month} name="basisMonth" value={month} onChange={setMonth} options={t.months.map((m, i) => ({ value: String(i + 1), label: `${m} ${o.year}` }))} className="field--narrow" />
        <a href={`/api/money/direct-costs?year=${o.year}&month=${month}&format=csv`} download>{t.monthlyBasis}</a>
      </div>
    </Section>
  );
}

export function MoneyPage() {
  const can = useCan();
  const manage = can('costs.manage');
  const [year, setYear] = useState(() => Number(stockholmDate().slice(0, 4)));
  const [period, setPeriod] = useState<number | null>(1);
  const query = useMoneyOverview(year);
  return (
    <>
      <PageHeader
        title={t.title}
        lead={query.data ? t.lead(query.data.organisation, year) : String(year)}
        actions={
          <>
            <Button size="small" onClick={() => setYear((y) => y - 1)}>{t.prevYear}</Button>
            <Button size="small" onClick={() => setYear((y) => y + 1)}>{t.nextYear}</Button>
          </>
        }
      />
      <QueryState query={query}>
        {(o) => (
          <div className="stack stack--large">
            <FollowUpSection o={o} />
            <PeriodsSection o={o} selected={period} select={setPeriod} />
            {period !== null ? <AllocationSection key={`${year}-${period}`} o={o} period={period} /> : null}
            {manage ? <OutcomeEntry o={o} /> : null}
            {manage ? <BudgetEntry o={o} /> : null}
            {manage ? <DirectCostMode o={o} /> : null}
          </div>
        )}
      </QueryState>
    </>
  );
}
