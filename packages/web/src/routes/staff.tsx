// /personal: the unit's staff: regular employees (employment rate, contact municipality,
// qualifications, absences and wishes) and hourly substitutes (availability).
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { Checkbox, SelectField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { useCreateStaff, useStaff, useStaffDates } from '../features/roster/api.ts';
import { svRoster } from '../features/roster/sv.ts';

const t = svRoster.staff;

function AddStaff() {
  const create = useCreateStaff();
  const organisation = useOrganisation(true);
  const [draft, setDraft] = useState({ name: '', kind: 'regular', rate: '75', municipality: '', qualifications: '', phone: '', untilMidnight: false });
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: draft.name,
        kind: draft.kind,
        employmentRate: draft.kind === 'regular' ? Number(draft.rate) : null,
        contactMunicipalityCode: draft.municipality || null,
        qualifications: draft.qualifications.split(',').map((q) => q.trim()).filter(Boolean),
        phone: draft.phone,
        weekdayUntilMidnight: draft.untilMidnight,
      },
      { onSuccess: () => setDraft((d) => ({ ...d, name: '', qualifications: '', phone: '' })) },
    );
  };
  const municipalities = organisation.data?.municipalities ?? [];
  return (
    <form className="form-grid" onSubmit={submit}>
      <TextField label={t.name} name="name" value={draft.name} onChange={set('name')} required />
      <SelectField label={t.kind} name="kind" value={draft.kind} onChange={set('kind')} options={[{ value: 'regular', label: t.kinds.regular }, { value: 'substitute', label: t.kinds.substitute }]} />
      {draft.kind === 'regular' ? <TextField label={t.rate} name="rate" type="number" value={draft.rate} onChange={set('rate')} /> : <Checkbox label={t.untilMidnight} name="untilMidnight" checked={draft.untilMidnight} onChange={set('untilMidnight')} />}
      <SelectField label={t.municipality} name="municipality" value={draft.municipality} onChange={set('municipality')} options={[{ value: '', label: '–' }, ...municipalities.map((m) => ({ value: m.code, label: m.name }))]} />
      <TextField label={t.qualifications} name="qualifications" value={draft.qualifications} onChange={set('qualifications')} />
      <TextField label={t.phone} name="phone" value={draft.phone} onChange={set('phone')} />
      <Button type="submit" variant="primary" pending={create.isPending}>
        {t.add}
      </Button>
      {create.error ? <ErrorBanner error={create.error} /> : null}
    </form>
  );
}

function DatesForm({ staffId, substitute }: { staffId: string; substitute: boolean }) {
  const change = useStaffDates();
  const [kind, setKind] = useState(substitute ? 'available' : 'absence');
  const [dates, setDates] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ id: staffId, kind, dates: dates.split(',').map((d) => d.trim()).filter(Boolean) }, { onSuccess: () => setDates('') });
  };
  const kinds = substitute ? (['available'] as const) : (['absence', 'wish_free', 'wish_work'] as const);
  return (
    <form className="roster-row" onSubmit={submit}>
      <SelectField label={t.dateKind} name={`kind-${staffId}`} value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t.dateKinds[k] }))} />
      <TextField label={t.dates} name={`dates-${staffId}`} value={dates} onChange={setDates} hint={t.datesHint} />
      <Button type="submit" size="small" pending={change.isPending}>
        {t.saveDates}
      </Button>
      {change.error ? <ErrorBanner error={change.error} /> : null}
    </form>
  );
}

export function StaffPage() {
  const staff = useStaff();
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <Card title={t.add}>
        <AddStaff />
      </Card>
      <QueryState query={staff}>
        {(data) => (
          <Card title={t.fte(data.totalFte)}>
            <table className="table">
              <caption className="visually-hidden">{t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.kind}</th>
                  <th scope="col">{t.rate}</th>
                  <th scope="col">{t.municipality}</th>
                  <th scope="col">{t.qualifications}</th>
                  <th scope="col">{t.requests}</th>
                </tr>
              </thead>
              <tbody>
                {data.staff.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      {s.name}
                      {s.weekdayUntilMidnight ? <span className="muted"> ({t.untilMidnight.toLowerCase()})</span> : null}
                    </th>
                    <td>{t.kinds[s.kind]}</td>
                    <td>{s.employmentRate === null ? t.none : `${s.employmentRate} %`}</td>
                    <td>{s.contactMunicipalityName ?? t.none}</td>
                    <td>{s.qualifications.join(', ') || t.none}</td>
                    <td>
                      <p className="muted">
                        {s.kind === 'substitute'
                          ? `${t.available}: ${s.availableDates.length} dagar${s.availableDates[0] ? ` från ${s.availableDates[0]}` : ''}`
                          : s.requests.map((r) => `${t.dateKinds[r.kind]} ${r.date}`).join(', ') || t.none}
                      </p>
                      <DatesForm staffId={s.id} substitute={s.kind === 'substitute'} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </QueryState>
    </>
  );
}
