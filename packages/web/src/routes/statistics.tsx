// /statistik: the tertial and annual reports. The jour's whole report and one
// appendix per member (and Annan kommun), compared with the two previous
// years, as tables and charts, and as downloads. A kommun user gets its own
// municipality's appendix only (the server enforces it too).
import { sortMembers } from '@jourbok/domain/statistics/report';
import { useSearchParams } from 'react-router';
import { Banner } from '../components/ui/banner.tsx';
import { SelectField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { Loading, QueryState } from '../components/ui/query-state.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { useSession } from '../features/session/api.ts';
import { reportDownloadUrl, useReport, type ReportKind, type ReportSelection } from '../features/statistics/api.ts';
import { ReportView } from '../features/statistics/components/report-view.tsx';
import { svStatistics } from '../features/statistics/sv.ts';
import { stockholmDate } from '../lib/format.ts';

const t = svStatistics.reports;
const FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
const FIRST_YEAR = 2000;

/** The last finished tertial (the one a report is usually written for). */
function defaultPeriod(today: string): { year: number; tertial: 1 | 2 | 3 } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const current = month <= 4 ? 1 : month <= 8 ? 2 : 3;
  return current === 1 ? { year: year - 1, tertial: 3 } : { year, tertial: (current - 1) as 1 | 2 };
}

function useSelection(ownMunicipality: string | null): [ReportSelection, (change: Partial<ReportSelection>) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod(stockholmDate());
  const kind: ReportKind = params.get('rapport') === 'ar' ? 'year' : 'tertial';
  const year = Number(params.get('ar')) || fallback.year;
  const tertialParam = Number(params.get('tertial'));
  const tertial = (tertialParam >= 1 && tertialParam <= 3 ? tertialParam : fallback.tertial) as 1 | 2 | 3;
  const municipality = ownMunicipality ?? (params.get('kommun') || null);
  const selection = { kind, year, tertial, municipality };
  const update = (change: Partial<ReportSelection>) => {
    const next = { ...selection, ...change };
    const out = new URLSearchParams();
    out.set('rapport', next.kind === 'year' ? 'ar' : 'tertial');
    out.set('ar', String(next.year));
    if (next.kind === 'tertial') out.set('tertial', String(next.tertial));
    if (next.municipality && !ownMunicipality) out.set('kommun', next.municipality);
    setParams(out, { replace: true });
  };
  return [selection, update];
}

export function StatisticsPage() {
  const { user } = useSession();
  const own = user?.municipalityCode ?? null;
  const [selection, update] = useSelection(own);
  const organisation = useOrganisation(own === null);
  const report = useReport(selection);
  const thisYear = Number(stockholmDate().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const members = sortMembers((organisation.data?.municipalities ?? []).filter((m) => m.isMember).map((m) => ({ code: m.code, name: m.name })));

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className="stack stack--large">
        {own ? <Banner kind="info">{t.ownAppendix(`${user?.municipalityName ?? own} (${own})`)}</Banner> : null}
        <form className="report-form" aria-label={t.form} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t.kind}
            name="kind"
            value={selection.kind}
            onChange={(v) => update({ kind: v as ReportKind })}
            options={[
              { value: 'tertial', label: t.kinds.tertial },
              { value: 'year', label: t.kinds.year },
            ]}
          />
          <SelectField label={t.year} name="year" value={String(selection.year)} onChange={(v) => update({ year: Number(v) })} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          {selection.kind === 'tertial' ? (
            <SelectField
              label={t.tertial}
              name="tertial"
              value={String(selection.tertial)}
              onChange={(v) => update({ tertial: Number(v) as 1 | 2 | 3 })}
              options={[1, 2, 3].map((n) => ({ value: String(n), label: t.tertials[n]! }))}
            />
          ) : null}
          {own === null ? (
            <SelectField
              label={t.scope}
              name="scope"
              value={selection.municipality ?? ''}
              onChange={(v) => update({ municipality: v || null })}
              options={[
                { value: '', label: t.wholeJour },
                ...members.map((m) => ({ value: m.code, label: t.appendix(`${m.name} (${m.code})`) })),
                { value: 'other', label: t.appendix('Annan kommun') },
              ]}
            />
          ) : null}
        </form>
        <nav className="report-downloads" aria-label={t.download}>
          <span className="report-downloads__label">{t.download}:</span>
          {FORMATS.map((format) => (
            <a key={format} className="button button--secondary button--small" href={reportDownloadUrl(selection, format)} download aria-label={t.downloadLabel(t.formats[format]!)}>
              {t.formats[format]}
            </a>
          ))}
        </nav>
        {report.isFetching && report.data ? <Loading label={t.loading} /> : null}
        <QueryState query={report} label={t.loading}>
          {(data) => <ReportView report={data} />}
        </QueryState>
      </div>
    </>
  );
}
