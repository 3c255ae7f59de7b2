import { DecisionTypeInput as DecisionTypeInputSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, Fieldset, SelectField, TextField } from '../../../components/ui/field.tsx';
import { Section } from '../../../components/ui/page.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { isApiError } from '../../../lib/api.ts';
import { stockholmDate } from '../../../lib/format.ts';
import { emptyToNull, splitError, useDraft, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useSaveDecisionType, type DecisionType, type Organisation } from '../api.ts';

const known = ['code', 'name', 'decidedBy', 'subjectMaxAgeExclusive', 'isGrantable', 'sortOrder', 'isActive', 'legalBases', 'legalBases.*.reference', 'legalBases.*.validFrom', 'legalBases.*.validTo'];

const toInt = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

let nextKey = 1;

interface BasisDraft {
  key: number;
  reference: string;
  validFrom: string;
  validTo: string;
}

function toDraft(d: DecisionType) {
  return {
    code: d.code,
    name: d.name,
    decidedBy: d.decidedBy,
    subjectMaxAgeExclusive: d.subjectMaxAgeExclusive === null ? '' : String(d.subjectMaxAgeExclusive),
    isGrantable: d.isGrantable,
    sortOrder: String(d.sortOrder),
    isActive: d.isActive,
    legalBases: d.legalBases.map((b): BasisDraft => ({ key: nextKey++, reference: b.reference, validFrom: b.validFrom, validTo: b.validTo ?? '' })),
  };
}

type Draft = ReturnType<typeof toDraft>;

function DecisionTypeDialog({ decisionType, isNew, onClose, onSaved }: { decisionType: DecisionType; isNew: boolean; onClose: () => void; onSaved: (name: string) => void }) {
  const formRef = useRef<HTMLDivElement>(null);
  const { draft, update, discard, version } = useDraft(decisionType, toDraft);
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const save = useSaveDecisionType(isNew);
  const server = splitError(save.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => update((d) => ({ ...d, [key]: value }));
  const setBasis = (index: number, change: Partial<BasisDraft>) =>
    set(
      'legalBases',
      draft.legalBases.map((b, i) => (i === index ? { ...b, ...change } : b)),
    );

  const submit = () => {
    const sortOrder = toInt(draft.sortOrder);
    const age = draft.subjectMaxAgeExclusive.trim() === '' ? null : toInt(draft.subjectMaxAgeExclusive);
    const input = {
      code: draft.code.trim(),
      name: draft.name,
      decidedBy: draft.decidedBy,
      subjectMaxAgeExclusive: age,
      isGrantable: draft.isGrantable,
      sortOrder,
      isActive: draft.isActive,
      legalBases: draft.legalBases.map((b) => ({ reference: b.reference, validFrom: b.validFrom, validTo: emptyToNull(b.validTo) })),
      ...(isNew ? {} : { version }),
    };
    const result = validate(DecisionTypeInputSchema, input);
    if (!result.ok) {
      const errs = { ...result.errors };
      if (Number.isNaN(sortOrder)) errs.sortOrder = sv.common.integer;
      if (age !== null && Number.isNaN(age)) errs.subjectMaxAgeExclusive = sv.common.integer;
      save.reset();
      fail(errs);
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
      title={isNew ? sv.organisation.newDecisionType : sv.organisation.editDecisionType(decisionType.name)}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      size="wide"
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
        <div className="form-grid">
          <TextField
            label={sv.organisation.categoryCode}
            name="code"
            value={draft.code}
            onChange={(v) => set('code', v)}
            error={fieldErrors.code}
            disabled={!isNew}
            hint={isNew ? sv.organisation.codeHintUpper : undefined}
            autoComplete="off"
          />
          <TextField label={sv.organisation.decisionTypeName} name="name" value={draft.name} onChange={(v) => set('name', v)} error={fieldErrors.name} />
          <SelectField
            label={sv.organisation.decidedBy}
            name="decidedBy"
            value={draft.decidedBy}
            onChange={(v) => set('decidedBy', v === 'politician' ? 'politician' : 'delegation')}
            options={(['politician', 'delegation'] as const).map((value) => ({ value, label: sv.organisation.decidedByLabels[value] }))}
            error={fieldErrors.decidedBy}
          />
          <TextField
            label={sv.organisation.subjectMaxAge}
            name="subjectMaxAgeExclusive"
            value={draft.subjectMaxAgeExclusive}
            onChange={(v) => set('subjectMaxAgeExclusive', v)}
            error={fieldErrors.subjectMaxAgeExclusive}
            hint={sv.organisation.subjectMaxAgeHint}
            inputMode="numeric"
          />
          <TextField
            label={sv.organisation.sortOrder}
            name="sortOrder"
            value={draft.sortOrder}
            onChange={(v) => set('sortOrder', v)}
            error={fieldErrors.sortOrder}
            inputMode="numeric"
            hint={sv.organisation.sortOrderHint}
          />
        </div>
        <Checkbox label={sv.organisation.isGrantable} name="isGrantable" checked={draft.isGrantable} onChange={(v) => set('isGrantable', v)} />
        <Checkbox label={sv.organisation.isActive} name="isActive" checked={draft.isActive} onChange={(v) => set('isActive', v)} />
        <Fieldset legend={sv.organisation.legalBases} error={fieldErrors.legalBases}>
          <ol className="row-list">
            {draft.legalBases.map((basis, index) => (
              <li key={basis.key} className="row-list__row row-list__row--basis">
                <TextField
                  label={sv.organisation.reference}
                  name={`legalBases.${index}.reference`}
                  value={basis.reference}
                  onChange={(v) => setBasis(index, { reference: v })}
                  error={fieldErrors[`legalBases.${index}.reference`]}
                  className="field--grow"
                />
                <TextField
                  label={sv.organisation.validFrom}
                  name={`legalBases.${index}.validFrom`}
                  type="date"
                  value={basis.validFrom}
                  onChange={(v) => setBasis(index, { validFrom: v })}
                  error={fieldErrors[`legalBases.${index}.validFrom`]}
                />
                <TextField
                  label={sv.organisation.validTo}
                  name={`legalBases.${index}.validTo`}
                  type="date"
                  value={basis.validTo}
                  onChange={(v) => setBasis(index, { validTo: v })}
                  error={fieldErrors[`legalBases.${index}.validTo`]}
                  hint={sv.organisation.validToHint}
                />
                <Button
                  size="small"
                  variant="quiet"
                  className="row-list__remove"
                  aria-label={sv.organisation.removeLegalBasis(index + 1)}
                  onClick={() => set('legalBases', draft.legalBases.filter((_, i) => i !== index))}
                >
                  {sv.common.remove}
                </Button>
              </li>
            ))}
          </ol>
          <Button size="small" onClick={() => set('legalBases', [...draft.legalBases, { key: nextKey++, reference: '', validFrom: stockholmDate(), validTo: '' }])}>
            {sv.organisation.addLegalBasis}
          </Button>
        </Fieldset>
      </div>
    </Dialog>
  );
}

/** The legal basis in force today, else the latest one. */
function currentBasis(decisionType: DecisionType, today: string) {
  const inForce = decisionType.legalBases.find((b) => b.validFrom <= today && (b.validTo === null || b.validTo >= today));
  return inForce ?? decisionType.legalBases[decisionType.legalBases.length - 1];
}

export function DecisionTypesSection({ organisation, canEdit }: { organisation: Organisation; canEdit: boolean }) {
  const [editing, setEditing] = useState<{ code: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const decisionTypes = [...organisation.decisionTypes].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'sv'));
  const decisionType = editing?.code ? decisionTypes.find((d) => d.code === editing.code) : undefined;
  const today = stockholmDate();
  const nextOrder = decisionTypes.reduce((max, d) => Math.max(max, d.sortOrder), 0) + 10;

  return (
    <Section
      title={sv.organisation.decisionTypes}
      id="decision-types"
      actions={
        canEdit ? (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ code: null });
            }}
          >
            {sv.organisation.addDecisionType}
          </Button>
        ) : null
      }
    >
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      <Table caption={sv.organisation.decisionTypes} captionHidden>
        <thead>
          <tr>
            <th scope="col">{sv.organisation.decisionTypeName}</th>
            <th scope="col">{sv.organisation.currentBasis}</th>
            <th scope="col">{sv.organisation.decidedBy}</th>
            <th scope="col">{sv.users.status}</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">{sv.users.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {decisionTypes.map((d) => {
            const basis = currentBasis(d, today);
            return (
              <tr key={d.code} className={d.isActive ? undefined : 'row--inactive'}>
                <th scope="row">
                  {d.name} <code className="muted">{d.code}</code>
                </th>
                <td>
                  {basis ? (
                    <>
                      {basis.reference}{' '}
                      <span className="muted">
                        {basis.validTo ? sv.organisation.until(basis.validTo) : sv.organisation.from(basis.validFrom)}
                      </span>
                    </>
                  ) : (
                    sv.common.none
                  )}
                  {d.legalBases.length > 1 ? <span className="muted"> {sv.organisation.basesCount(d.legalBases.length)}</span> : null}
                </td>
                <td>{sv.organisation.decidedByLabels[d.decidedBy]}</td>
                <td>{d.isActive ? sv.common.active : sv.common.inactive}</td>
                {canEdit ? (
                  <td className="table__actions">
                    <Button
                      size="small"
                      onClick={() => {
                        setNotice(null);
                        setEditing({ code: d.code });
                      }}
                      aria-label={sv.organisation.editDecisionType(d.name)}
                    >
                      {sv.common.edit}
                    </Button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </Table>
      {editing && (editing.code === null || decisionType) ? (
        <DecisionTypeDialog
          decisionType={
            decisionType ?? {
              code: '',
              name: '',
              decidedBy: 'delegation',
              subjectMaxAgeExclusive: null,
              isGrantable: false,
              sortOrder: nextOrder,
              isActive: true,
              legalBases: [{ reference: '', validFrom: today, validTo: null }],
              version: 0,
            }
          }
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
