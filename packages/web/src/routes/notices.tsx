// /aviseringar: the municipality's notices to the jour (jour staff see all),
// with the jour's read log; registering and withdrawing them.
import { NoticeInput as NoticeInputSchema, type NoticeInstruction, type NoticeLevel } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { Checkbox, Fieldset, RadioGroup, SelectField, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useCreateNotice, useNotice, useNotices, useWithdrawNotice, type NoticeListItem, type NoticeStatusFilter } from '../features/notices/api.ts';
import { ContactFields, MunicipalityField, personsError, RegisterFormCard, useFormMunicipality, useIsJour } from '../features/notices/components/form-parts.tsx';
import { PersonChooser, toPersonLines, type ChosenPerson } from '../features/notices/components/person-chooser.tsx';
import { useCan } from '../features/session/api.ts';
import { formatDateTime, stockholmDate } from '../lib/format.ts';
import { emptyToNull, splitError, useFormErrors, validate } from '../lib/form.ts';
import { sv } from '../lib/sv.ts';

const levels: NoticeLevel[] = ['information', 'important', 'must_read'];
const instructionCodes: NoticeInstruction[] = ['no_economic_aid', 'no_emergency_accommodation', 'child_placed_sol', 'child_placed_lvu', 'contact_municipality_first'];
const known = ['municipalityCode', 'persons', 'level', 'title', 'plan', 'shouldDo', 'shouldNotDo', 'validFrom', 'validTo', 'contactName', 'contactPhone', 'phonedInBy'];
const levelTone = { information: 'neutral', important: 'warning', must_read: 'danger' } as const;

function NoticeForm({ onCreated }: { onCreated: (title: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const isJour = useIsJour();
  const create = useCreateNotice();
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const today = stockholmDate();
  const [persons, setPersons] = useState<ChosenPerson[]>([]);
  const [draft, setDraft] = useState({
    municipalityCode: '',
    level: 'important' as NoticeLevel,
    title: '',
    validFrom: today,
    validTo: today,
    plan: '',
    shouldDo: '',
    shouldNotDo: '',
    instructions: [] as NoticeInstruction[],
    contactName: '',
    contactPhone: '',
    phonedInBy: '',
  });
  const homeMunicipality = useFormMunicipality(draft.municipalityCode);
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(create.error, known);
  const shown = { ...server.fieldErrors, ...errors };

  const submit = () => {
    clear();
    const input = {
      ...draft,
      municipalityCode: isJour ? emptyToNull(draft.municipalityCode) : null,
      persons: toPersonLines(persons, homeMunicipality),
      phonedInBy: isJour ? emptyToNull(draft.phonedInBy) : null,
    };
    const checked = validate(NoticeInputSchema, input);
    if (!checked.ok) return fail(checked.errors);
    create.mutate(checked.data, { onSuccess: (notice) => onCreated(notice.title), onError: focusInvalid });
  };

  return (
    <RegisterFormCard title={sv.notices.formTitle} formRef={formRef} onSubmit={submit} banner={server.banner} submitLabel={sv.notices.submit} pendingLabel={sv.notices.submitting} pending={create.isPending}>
      <MunicipalityField value={draft.municipalityCode} onChange={set('municipalityCode')} error={shown.municipalityCode} />
      <RadioGroup legend={sv.notices.level} name="level" value={draft.level} onChange={set('level')} options={levels.map((l) => ({ value: l, label: sv.notices.levels[l] }))} error={shown.level} />
      <TextField label={sv.notices.noticeTitle} name="title" value={draft.title} onChange={set('title')} hint={sv.notices.noticeTitleHint} error={shown.title} />
      <PersonChooser value={persons} onChange={setPersons} error={personsError(shown)} />
      <TextField label={sv.notices.validFrom} name="validFrom" type="date" value={draft.validFrom} onChange={set('validFrom')} error={shown.validFrom} />
      <TextField label={sv.notices.validTo} name="validTo" type="date" value={draft.validTo} onChange={set('validTo')} error={shown.validTo} />
      <TextAreaField label={sv.notices.plan} name="plan" value={draft.plan} onChange={set('plan')} error={shown.plan} />
      <TextAreaField label={sv.notices.shouldDo} name="shouldDo" value={draft.shouldDo} onChange={set('shouldDo')} error={shown.shouldDo} />
      <TextAreaField label={sv.notices.shouldNotDo} name="shouldNotDo" value={draft.shouldNotDo} onChange={set('shouldNotDo')} error={shown.shouldNotDo} />
      <Fieldset legend={sv.notices.instructionsLegend} hint={sv.notices.instructionsHint}>
        {instructionCodes.map((code) => (
          <Checkbox
            key={code}
            label={sv.notices.instructions[code]}
            name={`instruction-${code}`}
            checked={draft.instructions.includes(code)}
            onChange={(on) => set('instructions')(on ? [...draft.instructions, code] : draft.instructions.filter((c) => c !== code))}
          />
        ))}
      </Fieldset>
      <ContactFields name={draft.contactName} phone={draft.contactPhone} onName={set('contactName')} onPhone={set('contactPhone')} errors={shown} />
      {isJour ? <TextField label={sv.notices.phonedInBy} name="phonedInBy" value={draft.phonedInBy} onChange={set('phonedInBy')} error={shown.phonedInBy} /> : null}
    </RegisterFormCard>
  );
}

function ReadLog({ id }: { id: string }) {
  const notice = useNotice(id);
  return (
    <QueryState query={notice}>
      {(n) => (
        <div className="stack">
          <h3>{sv.notices.readLogTitle(n.title)}</h3>
          {n.readLog.length === 0 ? (
            <p className="muted">{sv.notices.readLogEmpty}</p>
          ) : (
            <ul className="plain-list">
              {n.readLog.map((r) => (
                <li key={r.userName}>{sv.notices.readEntry(r.userName, formatDateTime(r.firstReadAt), formatDateTime(r.lastReadAt), r.readCount)}</li>
              ))}
            </ul>
          )}
          {n.acknowledgements.length > 0 ? (
            <>
              <h4>{sv.notices.acknowledgements}</h4>
              <ul className="plain-list">
                {n.acknowledgements.map((a) => (
                  <li key={`${a.caseId}-${a.noticeVersion}`}>{sv.notices.ackEntry(a.caseNumber, a.acknowledgedByName, formatDateTime(a.acknowledgedAt))}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
    </QueryState>
  );
}

export function NoticesPage() {
  const can = useCan();
  const canWrite = can('notices.write');
  const [status, setStatus] = useState<NoticeStatusFilter>('current');
  const notices = useNotices(status);
  const withdraw = useWithdrawNotice();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [readLogOf, setReadLogOf] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<NoticeListItem | null>(null);
  const [reason, setReason] = useState('');

  return (
    <>
      <PageHeader
        title={sv.notices.title}
        lead={sv.notices.lead}
        actions={
          canWrite && !creating ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {sv.notices.create}
            </Button>
          ) : null
        }
      />
      {message ? <Banner kind="success">{message}</Banner> : null}
      {creating ? (
        <NoticeForm
          onCreated={(title) => {
            setCreating(false);
            setMessage(sv.notices.created(title));
          }}
        />
      ) : null}
      <div className="toolbar">
        <SelectField
          label={sv.notices.statusFilter}
          name="status"
          value={status}
          onChange={(v) => setStatus(v as NoticeStatusFilter)}
          options={Object.entries(sv.notices.filters).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <QueryState query={notices}>
        {({ notices: list }) =>
          list.length === 0 ? (
            <p className="muted">{sv.notices.none}</p>
          ) : (
            <Table caption={sv.notices.caption} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{sv.notices.colTitle}</th>
                  <th scope="col">{sv.notices.colLevel}</th>
                  <th scope="col">{sv.notices.colValidity}</th>
                  <th scope="col">{sv.notices.colPersons}</th>
                  <th scope="col">{sv.notices.colReads}</th>
                  <th scope="col">{sv.notices.colStatus}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <strong>{n.title}</strong>
                      <div className="muted">{n.municipalityName}</div>
                      {n.instructionLabels.length > 0 ? <div>{n.instructionLabels.join(', ')}</div> : null}
                    </td>
                    <td>
                      <Badge tone={levelTone[n.level]}>{sv.notices.levels[n.level]}</Badge>
                    </td>
                    <td className="numeric">{sv.notices.validity(n.validFrom, n.validTo)}</td>
                    <td>{n.persons.map((p) => (p.identityNumber ? `${p.displayName} (${p.identityNumber})` : p.displayName)).join(', ')}</td>
                    <td>
                      {sv.notices.reads(n.readCount)}
                      {n.lastReadAt ? <div className="muted">{formatDateTime(n.lastReadAt)}</div> : null}
                      <Button size="small" onClick={() => setReadLogOf(readLogOf === n.id ? null : n.id)}>
                        {sv.notices.showReadLog}
                      </Button>
                    </td>
                    <td>{sv.notices.status[n.status] ?? n.status}</td>
                    <td>
                      {canWrite && (n.status === 'active' || n.status === 'upcoming') ? (
                        <Button size="small" onClick={() => setWithdrawing(n)}>
                          {sv.notices.withdraw}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {readLogOf ? (
        <Card>
          <ReadLog id={readLogOf} />
        </Card>
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          title={sv.notices.withdrawTitle(withdrawing.title)}
          confirmLabel={sv.notices.withdraw}
          danger
          onConfirm={() =>
            withdraw.mutate(
              { id: withdrawing.id, reason },
              {
                onSuccess: () => {
                  setMessage(sv.notices.withdrawn(withdrawing.title));
                  setWithdrawing(null);
                  setReason('');
                },
              },
            )
          }
          onClose={() => setWithdrawing(null)}
          pending={withdraw.isPending}
          error={<ErrorBanner error={withdraw.error} />}
        >
          <TextField label={sv.notices.withdrawReason} name="reason" value={reason} onChange={setReason} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
