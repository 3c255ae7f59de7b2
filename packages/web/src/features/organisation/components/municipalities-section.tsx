import { MunicipalityInput as MunicipalityInputSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { ErrorBanner, Banner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, TextField } from '../../../components/ui/field.tsx';
import { Section } from '../../../components/ui/page.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { isApiError } from '../../../lib/api.ts';
import { emptyToNull, splitError, useDraft, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useSaveMunicipality, type Municipality, type Organisation } from '../api.ts';

const known = ['code', 'name', 'isHost', 'isMember', 'functionalMailbox'];

const blank: Municipality = { code: '', name: '', isHost: false, isMember: true, functionalMailbox: null, version: 0 };

function MunicipalityDialog({ municipality, isNew, onClose, onSaved }: { municipality: Municipality; isNew: boolean; onClose: () => void; onSaved: (name: string) => void }) {
  const formRef = useRef<HTMLDivElement>(null);
  const { draft, update, discard, version } = useDraft(municipality, (m) => ({
    code: m.code,
    name: m.name,
    isHost: m.isHost,
    isMember: m.isMember,
    functionalMailbox: m.functionalMailbox ?? '',
  }));
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const save = useSaveMunicipality(isNew);
  const server = splitError(save.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => update((d) => ({ ...d, [key]: value }));

  const submit = () => {
    const input = { ...draft, code: draft.code.trim(), functionalMailbox: emptyToNull(draft.functionalMailbox), ...(isNew ? {} : { version }) };
    const result = validate(MunicipalityInputSchema, input);
    if (!result.ok) {
      save.reset();
      fail(result.errors);
      return;
    }
    clear();
    save.mutate(result.data, {
      onSuccess: () => onSaved(result.data.name),
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale') discard();
        focusInvalid();
      },
    });
  };

  return (
    <Dialog
      title={isNew ? sv.organisation.newMunicipality : sv.organisation.editMunicipality(municipality.name)}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      footer={
        <>
          <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={sv.common.saving}>
            {sv.common.save}
          </Button>
          <Button onClick={onClose} disabled={save.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div ref={formRef} className="stack">
        <ErrorBanner error={server.banner} />
        <TextField
          label={sv.organisation.municipalityCode}
          name="code"
          value={draft.code}
          onChange={(v) => set('code', v)}
          error={fieldErrors.code}
          disabled={!isNew}
          inputMode="numeric"
          maxLength={4}
          className="field--narrow"
        />
        <TextField label={sv.organisation.municipalityName} name="name" value={draft.name} onChange={(v) => set('name', v)} error={fieldErrors.name} />
        <Checkbox label={sv.organisation.isHost} name="isHost" checked={draft.isHost} onChange={(v) => set('isHost', v)} error={fieldErrors.isHost} />
        <Checkbox label={sv.organisation.isMember} name="isMember" checked={draft.isMember} onChange={(v) => set('isMember', v)} error={fieldErrors.isMember} />
        <TextField
          label={sv.organisation.functionalMailbox}
          name="functionalMailbox"
          type="email"
          value={draft.functionalMailbox}
          onChange={(v) => set('functionalMailbox', v)}
          error={fieldErrors.functionalMailbox}
          hint={sv.organisation.functionalMailboxHint}
          autoComplete="off"
        />
      </div>
    </Dialog>
  );
}

export function MunicipalitiesSection({ organisation, canEdit }: { organisation: Organisation; canEdit: boolean }) {
  const [editing, setEditing] = useState<{ code: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const municipality = editing?.code ? organisation.municipalities.find((m) => m.code === editing.code) : undefined;

  return (
    <Section
      title={sv.organisation.municipalities}
      id="municipalities"
      actions={
        canEdit ? (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ code: null });
            }}
          >
            {sv.organisation.addMunicipality}
          </Button>
        ) : null
      }
    >
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      <Table caption={sv.organisation.municipalities} captionHidden>
        <thead>
          <tr>
            <th scope="col">{sv.organisation.municipalityCode}</th>
            <th scope="col">{sv.organisation.municipalityName}</th>
            <th scope="col">{sv.organisation.isHost}</th>
            <th scope="col">{sv.organisation.isMember}</th>
            <th scope="col">{sv.organisation.functionalMailbox}</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">{sv.users.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {organisation.municipalities.map((m) => (
            <tr key={m.code}>
              <td className="numeric">{m.code}</td>
              <th scope="row">{m.name}</th>
              <td>{m.isHost ? <Badge tone="success">{sv.organisation.isHost}</Badge> : sv.common.none}</td>
              <td>{m.isMember ? sv.common.yes : sv.common.no}</td>
              <td>{m.functionalMailbox ?? sv.common.none}</td>
              {canEdit ? (
                <td className="table__actions">
                  <Button
                    size="small"
                    onClick={() => {
                      setNotice(null);
                      setEditing({ code: m.code });
                    }}
                    aria-label={sv.organisation.editMunicipality(m.name)}
                  >
                    {sv.common.edit}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {editing && (editing.code === null || municipality) ? (
        <MunicipalityDialog
          municipality={municipality ?? blank}
          isNew={editing.code === null}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setNotice(sv.common.savedItem(name));
          }}
        />
      ) : null}
    </Section>
  );
}
