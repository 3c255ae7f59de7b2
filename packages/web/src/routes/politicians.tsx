// /politiker: the municipality's on-call politicians (chair, vice chair,
// members) with phone numbers and on-call periods. A kommun user keeps their
// own municipality's; the unit manager keeps every member's. The decision form
// offers the one on call; the signing link goes to their e-mail.
import { PoliticianInput as PoliticianInputSchema, PoliticianUpdate as PoliticianUpdateSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { Checkbox, SelectField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { svCollab } from '../features/collaboration/sv.ts';
import { MunicipalityField, RegisterFormCard, useIsJour } from '../features/notices/components/form-parts.tsx';
import { useCreatePolitician, useDeletePolitician, usePoliticians, useUpdatePolitician, type Politician } from '../features/politicians/api.ts';
import { useCan } from '../features/session/api.ts';
import { formatDateTime, fromStockholmLocal, toStockholmLocal } from '../lib/format.ts';
import { emptyToNull, splitError, useFormErrors, validate } from '../lib/form.ts';

const t = svCollab.politicians;
const roles = ['chair', 'vice_chair', 'member'] as const;
type Role = (typeof roles)[number];
const known = ['municipalityCode', 'name', 'role', 'phone', 'email', 'onCallFrom', 'onCallTo'];

function PoliticianForm({ editing, onSaved, onCancel }: { editing: Politician | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const isJour = useIsJour();
  const create = useCreatePolitician();
  const update = useUpdatePolitician();
  const mutation = editing ? update : create;
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const [draft, setDraft] = useState({
    municipalityCode: editing?.municipalityCode ?? '',
    name: editing?.name ?? '',
    role: (editing?.role ?? 'chair') as Role,
    phone: editing?.phone ?? '',
    email: editing?.email ?? '',
    onCallFrom: editing ? toStockholmLocal(editing.onCallFrom) : '',
    onCallTo: editing ? toStockholmLocal(editing.onCallTo) : '',
  });
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(mutation.error, known);
  const shown = { ...server.fieldErrors, ...errors };

  const submit = () => {
    clear();
    const common = {
      name: draft.name,
      role: draft.role,
      phone: draft.phone,
      email: emptyToNull(draft.email),
      onCallFrom: fromStockholmLocal(draft.onCallFrom) ?? '',
      onCallTo: fromStockholmLocal(draft.onCallTo) ?? '',
    };
    if (editing) {
      const checked = validate(PoliticianUpdateSchema, { ...common, version: editing.version });
      if (!checked.ok) return fail(checked.errors);
      update.mutate({ id: editing.id, input: checked.data }, { onSuccess: (p) => onSaved(p.name), onError: focusInvalid });
    } else {
      const checked = validate(PoliticianInputSchema, { ...common, municipalityCode: isJour ? emptyToNull(draft.municipalityCode) : null });
      if (!checked.ok) return fail(checked.errors);
      create.mutate(checked.data, { onSuccess: (p) => onSaved(p.name), onError: focusInvalid });
    }
  };

  return (
    <RegisterFormCard title={editing ? t.formEdit(editing.name) : t.formCreate} formRef={formRef} onSubmit={submit} banner={server.banner} submitLabel={t.save} pendingLabel={t.saving} pending={mutation.isPending} secondary={<Button onClick={onCancel}>{t.cancel}</Button>}>
      {editing ? null : <MunicipalityField value={draft.municipalityCode} onChange={set('municipalityCode')} error={shown.municipalityCode} />}
      <div className="form-grid">
        <TextField label={t.name} name="name" value={draft.name} onChange={set('name')} error={shown.name} autoComplete="off" />
        <SelectField label={t.role} name="role" value={draft.role} onChange={(v) => set('role')(roles.find((r) => r === v) ?? 'member')} options={roles.map((r) => ({ value: r, label: t.roles[r] ?? r }))} error={shown.role} />
        <TextField label={t.phone} name="phone" type="tel" value={draft.phone} onChange={set('phone')} error={shown.phone} autoComplete="off" />
        <TextField label={t.email} name="email" type="email" value={draft.email} onChange={set('email')} error={shown.email} autoComplete="off" />
        <TextField label={t.from} name="onCallFrom" type="datetime-local" value={draft.onCallFrom} onChange={set('onCallFrom')} error={shown.onCallFrom} />
        <TextField label={t.to} name="onCallTo" type="datetime-local" value={draft.onCallTo} onChange={set('onCallTo')} error={shown.onCallTo} />
      </div>
    </RegisterFormCard>
  );
}

export function PoliticiansPage() {
  const can = useCan();
  const canManage = can('politicians.manage');
  const isJour = useIsJour();
  const [includePast, setIncludePast] = useState(false);
  const politicians = usePoliticians(includePast);
  const remove = useDeletePolitician();
  const [form, setForm] = useState<{ editing: Politician | null } | null>(null);
  const [removing, setRemoving] = useState<Politician | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const now = Date.now();

  return (
    <>
      <PageHeader
        title={t.title}
        lead={t.lead}
        actions={
          canManage && !form ? (
            <Button variant="primary" onClick={() => setForm({ editing: null })}>
              {t.create}
            </Button>
          ) : null
        }
      />
      {message ? <Banner kind="success">{message}</Banner> : null}
      {form ? (
        <PoliticianForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          onSaved={(name) => {
            setForm(null);
            setMessage(t.saved(name));
          }}
          onCancel={() => setForm(null)}
        />
      ) : null}
      <div className="toolbar">
        <Checkbox label={t.includePast} name="includePast" checked={includePast} onChange={setIncludePast} />
      </div>
      <QueryState query={politicians}>
        {({ politicians: list }) =>
          list.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <Table caption={t.caption} captionHidden>
              <thead>
                <tr>
                  {isJour ? <th scope="col">{t.colMunicipality}</th> : null}
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colRole}</th>
                  <th scope="col">{t.colPhone}</th>
                  <th scope="col">{t.colPeriod}</th>
                  {canManage ? <th scope="col" /> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((p) => {
                  const onCall = new Date(p.onCallFrom).getTime() <= now && now < new Date(p.onCallTo).getTime();
                  return (
                    <tr key={p.id}>
                      {isJour ? <td>{p.municipalityName}</td> : null}
                      <td>
                        <strong>{p.name}</strong>
                        {p.email ? <div className="muted">{p.email}</div> : null}
                      </td>
                      <td>{t.roles[p.role] ?? p.roleLabel}</td>
                      <td className="numeric">{p.phone}</td>
                      <td>
                        {formatDateTime(p.onCallFrom)} – {formatDateTime(p.onCallTo)} {onCall ? <Badge tone="open">{t.onCallNow}</Badge> : null}
                      </td>
                      {canManage ? (
                        <td>
                          <div className="button-row">
                            <Button size="small" onClick={() => setForm({ editing: p })} aria-label={`${t.edit} ${p.name}`}>
                              {t.edit}
                            </Button>
                            <Button size="small" variant="danger" onClick={() => setRemoving(p)} aria-label={`${t.remove} ${p.name}`}>
                              {t.remove}
                            </Button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {removing ? (
        <ConfirmDialog
          title={t.removeTitle(removing.name)}
          confirmLabel={t.remove}
          danger
          onConfirm={() =>
            remove.mutate(
              { id: removing.id, version: removing.version },
              {
                onSuccess: () => {
                  setMessage(t.removed(removing.name));
                  setRemoving(null);
                },
              },
            )
          }
          onClose={() => setRemoving(null)}
          pending={remove.isPending}
          error={<ErrorBanner error={remove.error} />}
        >
          <p>
            {removing.name}, {t.roles[removing.role]}
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
