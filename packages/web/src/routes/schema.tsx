// /schema: the 12-week rotating roster: generate with the solver, view per week or per
// person, move a shift by hand (every broken rule shows at once), fill gaps with
// proposed substitutes, publish at least 14 days ahead.
import { useEffect, useState, type FormEvent } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { Dialog } from '../components/ui/dialog.tsx';
import { SelectField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { Loading } from '../components/ui/query-state.tsx';
import { useAddShift, useGenerateRoster, useMoveShift, usePublishRoster, useRoster, useRosters, type Roster } from '../features/roster/api.ts';
import { PersonGrid, WeekGrid } from '../features/roster/components/roster-grid.tsx';
import { svRoster } from '../features/roster/sv.ts';
import { useCan } from '../features/session/api.ts';
import { addDays, formatDateTime, formatDayMonth, formatTime, isoWeekday, stockholmDate } from '../lib/format.ts';
import '../features/roster/roster.css';

const t = svRoster.schema;

/** The first Monday at least 14 days ahead: the earliest rotation that can still be published in time. */
function firstPublishableMonday(): string {
  const date = addDays(stockholmDate(), 14);
  return addDays(date, (8 - isoWeekday(date)) % 7);
}

function GenerateForm({ onGenerated }: { onGenerated: (roster: Roster) => void }) {
  const generate = useGenerateRoster();
  const [startDate, setStartDate] = useState(firstPublishableMonday());
  const [weeks, setWeeks] = useState('12');
  const [limit, setLimit] = useState('20');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate({ startDate, weeks: Number(weeks), timeLimitSeconds: Number(limit) }, { onSuccess: onGenerated });
  };
  return (
    <form className="roster-row" onSubmit={submit}>
      <TextField label={t.startDate} name="startDate" type="date" value={startDate} onChange={setStartDate} />
      <TextField label={t.weeks} name="weeks" type="number" min={1} max={12} value={weeks} onChange={setWeeks} />
      <TextField label={t.timeLimit} name="timeLimit" type="number" min={1} max={120} value={limit} onChange={setLimit} />
      <Button type="submit" variant="primary" pending={generate.isPending} pendingLabel={t.generating}>
        {t.generate}
      </Button>
      {generate.error ? <ErrorBanner error={generate.error} /> : null}
    </form>
  );
}

function MoveDialog({ roster, assignment, onClose }: { roster: Roster; assignment: Roster['assignments'][number]; onClose: () => void }) {
  const move = useMoveShift();
  const [date, setDate] = useState(assignment.date);
  const [staffId, setStaffId] = useState(assignment.staffId);
  const name = roster.staff.find((s) => s.id === assignment.staffId)?.name ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate({ rosterId: roster.id, assignmentId: assignment.id, date, staffId, version: roster.version }, { onSuccess: onClose });
  };
  return (
    <Dialog
      title={`${t.moveTitle}: ${name} ${formatDayMonth(assignment.date)}`}
      onClose={onClose}
      onSubmit={submit}
      busy={move.isPending}
      footer={
        <Button type="submit" variant="primary" pending={move.isPending}>
          {t.move}
        </Button>
      }
    >
      <SelectField label={t.moveTo} name="moveDate" value={date} onChange={setDate} options={roster.days.map((d) => ({ value: d.date, label: `${d.date} (${formatTime(d.open.start)})` }))} />
      <SelectField label={t.moveToPerson} name="moveStaff" value={staffId} onChange={setStaffId} options={roster.staff.map((s) => ({ value: s.id, label: s.name }))} />
      {move.error ? <ErrorBanner error={move.error} /> : null}
    </Dialog>
  );
}

function RosterDetail({ roster }: { roster: Roster }) {
  const canManage = useCan()('roster.manage');
  const [mode, setMode] = useState<'week' | 'person'>('week');
  const [week, setWeek] = useState(0);
  const [person, setPerson] = useState(roster.staff[0]?.id ?? '');
  const [moving, setMoving] = useState<Roster['assignments'][number] | null>(null);
  const publish = usePublishRoster();
  const add = useAddShift();
  const names = new Map(roster.staff.map((s) => [s.id, s.name]));
  const onMove = canManage ? setMoving : () => undefined;
  return (
    <>
      <Card title={`${t.roster} ${roster.startDate} – ${roster.endDate} · ${t.status[roster.status]}`}>
        <p className="muted">{t.solver(roster.solver.status, roster.solver.seconds, roster.solver.objective)}</p>
        {roster.status === 'published' && roster.publishedAt ? (
          <p>{t.published(roster.publishedByName ?? '', formatDateTime(roster.publishedAt))}</p>
        ) : (
          <div className="roster-row">
            <p>{t.publishHint(roster.publishBy)}</p>
            {canManage ? (
              <Button variant="primary" pending={publish.isPending} onClick={() => publish.mutate({ rosterId: roster.id, version: roster.version })}>
                {t.publish}
              </Button>
            ) : null}
          </div>
        )}
        {publish.error ? <ErrorBanner error={publish.error} /> : null}
        <div className="roster-row">
          <SelectField label="Visa" name="mode" value={mode} onChange={(v) => setMode(v as 'week' | 'person')} options={[{ value: 'week', label: t.byWeek }, { value: 'person', label: t.byPerson }]} />
          {mode === 'week' ? (
            <SelectField
              label={t.week}
              name="week"
              value={String(week)}
              onChange={(v) => setWeek(Number(v))}
              options={Array.from({ length: roster.weeks }, (_, w) => ({ value: String(w), label: `${t.week} ${w + 1} (${formatDayMonth(roster.days[w * 7]!.date)})` }))}
            />
          ) : (
            <SelectField label={t.person} name="person" value={person} onChange={setPerson} options={roster.staff.map((s) => ({ value: s.id, label: s.name }))} />
          )}
        </div>
        <p className="muted">{t.legend}</p>
        {mode === 'week' ? <WeekGrid roster={roster} week={week} onMove={onMove} /> : <PersonGrid roster={roster} staffId={person} onMove={onMove} />}
      </Card>
      <section className="roster-violations" aria-labelledby="roster-violations">
        <h2 className="section__title" id="roster-violations">
          {t.violations} <span className="count">{roster.violations.length}</span>
        </h2>
        {roster.violations.length === 0 ? (
          <p className="muted">{t.noViolations}</p>
        ) : (
          <ul className="plain-list">
            {roster.violations.map((v, i) => (
              <li key={`${v.rule}-${v.staffId}-${v.date}-${i}`} className="deadline deadline--soon" data-rule={v.rule}>
                {v.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {roster.problems.length > 0 ? (
        <Banner kind="warning" title={t.problems}>
          <ul>
            {roster.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <Card title={t.gaps}>
        {roster.gaps.length === 0 ? (
          <p className="muted">{t.noGaps}</p>
        ) : (
          <ul className="plain-list roster-gaps">
            {roster.gaps.map((g, i) => (
              <li key={`${g.shiftKey}-${i}`} className="deadline">
                <p className="deadline__when">
                  {g.date}: {g.message}
                </p>
                {g.proposals.length === 0 ? (
                  <p className="muted">{t.noProposal}</p>
                ) : (
                  <p className="roster-row">
                    {g.proposals.map((p) => (
                      <Button key={p.staffId} size="small" disabled={!canManage} pending={add.isPending} onClick={() => add.mutate({ rosterId: roster.id, staffId: p.staffId, date: g.date, kind: p.kind, version: roster.version })}>
                        {t.useSubstitute(p.name)} ({svRoster.shiftKinds[p.kind]} {formatTime(p.start)}–{formatTime(p.end)})
                      </Button>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {add.error ? <ErrorBanner error={add.error} /> : null}
      </Card>
      <Card title={t.hours}>
        <table className="table">
          <caption className="visually-hidden">{t.hours}</caption>
          <thead>
            <tr>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.hours}</th>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.weekends}</th>
              <th scope="col">{t.standbyNights}</th>
            </tr>
          </thead>
          <tbody>
            {roster.staff.map((s) => (
              <tr key={s.id}>
                <th scope="row">{names.get(s.id)}</th>
                <td>{s.hours.toLocaleString('sv-SE')}</td>
                <td>{s.target === null ? '–' : `${s.target.toLocaleString('sv-SE')} ± ${(s.tolerance ?? 0).toLocaleString('sv-SE')}`}</td>
                <td>{s.weekendShifts}</td>
                <td>{s.standbyNights}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {moving ? <MoveDialog roster={roster} assignment={moving} onClose={() => setMoving(null)} /> : null}
    </>
  );
}

export function SchemaPage() {
  const canManage = useCan()('roster.manage');
  const rosters = useRosters();
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    if (selected === null && rosters.data?.rosters[0]) setSelected(rosters.data.rosters[0].id);
  }, [rosters.data, selected]);
  const roster = useRoster(selected);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      {canManage ? (
        <Card title={t.generate}>
          <GenerateForm onGenerated={(r) => setSelected(r.id)} />
        </Card>
      ) : null}
      {rosters.data && rosters.data.rosters.length > 0 ? (
        <SelectField
          label={t.roster}
          name="roster"
          value={selected ?? ''}
          onChange={setSelected}
          options={rosters.data.rosters.map((r) => ({ value: r.id, label: `${r.startDate} – ${r.endDate} (${t.status[r.status]})` }))}
        />
      ) : rosters.isSuccess ? (
        <p className="muted">{t.none}</p>
      ) : null}
      {roster.isLoading ? <Loading /> : null}
      {roster.error ? <ErrorBanner error={roster.error} /> : null}
      {roster.data ? <RosterDetail roster={roster.data} /> : null}
    </>
  );
}
