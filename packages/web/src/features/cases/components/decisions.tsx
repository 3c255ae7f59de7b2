// Decisions with legal force: the list (legal reference as the server recorded
// it, maker, how communicated, signed, deadlines), a decision form whose rule
// errors show next to their fields, and withdrawal of a police assistance.
import { DecisionInput as DecisionInputSchema, WithdrawInput } from '@jourbok/contracts';
import { DEFAULT_HANDRACKNING_CODES, DEFAULT_LVU_BASIS_CODES, DEFAULT_WITHDRAWABLE_CODES } from '@jourbok/domain/decisions/rules';
import { useEffect, useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime, formatKronor, fromStockholmLocal, toStockholmLocal } from '../../../lib/format.ts';
import { isKnownField, useFormErrors, validate, type FieldErrors } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { DeadlineText } from '../../board/components/deadlines.tsx';
import type { DecisionType, Organisation } from '../../organisation/api.ts';
import { useRecordDecision, useWithdrawDecision, type CaseView, type Decision } from '../api.ts';
import { svCollab } from '../../collaboration/sv.ts';
import { SignatureRequest } from '../../signing/components/signature-request.tsx';
import { useOnCall } from '../../signing/api.ts';

type MakerKind = 'politician' | 'delegation';
type Communicated = 'phone' | 'digital_signature' | 'paper' | 'in_person';
const COMMUNICATED: readonly Communicated[] = ['phone', 'digital_signature', 'paper', 'in_person'];

const isHandrackning = (code: string) => DEFAULT_HANDRACKNING_CODES.includes(code);

function personName(view: CaseView, id: string | null): string | null {
  if (!id) return null;
  const person = view.persons.find((p) => p.id === id);
  if (!person) return null;
  return person.isProtected ? sv.persons.protectedBadge : person.displayName;
}

function DecisionCard({ decision, view, canWithdraw, onWithdraw }: { decision: Decision; view: CaseView; canWithdraw: boolean; onWithdraw: (d: Decision) => void }) {
  const subject = personName(view, decision.subjectPersonId);
  const linked = decision.linkedDecisionId ? view.decisions.find((d) => d.id === decision.linkedDecisionId) : undefined;
  const withdrawn = decision.status === 'withdrawn';
  return (
    <article className={`decision${withdrawn ? ' decision--withdrawn' : ''}`} aria-labelledby={`decision-${decision.id}`}>
      <header className="decision__header">
        <h3 className="decision__title" id={`decision-${decision.id}`}>
          {decision.typeName}
        </h3>
        <span className={`marker ${withdrawn ? 'marker--withdrawn' : 'marker--active'}`}>{withdrawn ? sv.decisions.withdrawn : sv.decisions.active}</span>
        {decision.granted !== null ? <span className="marker marker--status">{decision.granted ? sv.decisions.grantedYes : sv.decisions.grantedNo}</span> : null}
      </header>
      <dl className="facts facts--wide">
        <div className="facts__wide">
          <dt>{sv.decisions.legalReference}</dt>
          <dd>{decision.legalReference}</dd>
        </div>
        <div>
          <dt>{sv.decisions.decidedAt}</dt>
          <dd>{formatDateTime(decision.decidedAt)}</dd>
        </div>
        <div>
          <dt>{sv.decisions.decidedBy}</dt>
          <dd>
            {decision.makerName}
            {decision.makerCapacity ? `, ${decision.makerCapacity}` : ''}
            <span className="block muted">{sv.decisions.makerKinds[decision.makerKind]}</span>
          </dd>
        </div>
        <div>
          <dt>{sv.decisions.communicatedVia}</dt>
          <dd>{sv.decisions.communicated[decision.communicatedVia] ?? decision.communicatedVia}</dd>
        </div>
        <div>
          <dt>{sv.decisions.signed}</dt>
          <dd>{decision.signedAt ? formatDateTime(decision.signedAt) : sv.decisions.notSigned}</dd>
        </div>
        {subject ? (
          <div>
            <dt>{sv.decisions.subject}</dt>
            <dd>{subject}</dd>
          </div>
        ) : null}
        {decision.amountSek ? (
          <div>
            <dt>{sv.decisions.amount}</dt>
            <dd>{formatKronor(decision.amountSek)}</dd>
          </div>
        ) : null}
        {linked ? (
          <div>
            <dt>{sv.decisions.linkedTo}</dt>
            <dd>
              {linked.typeName}, {formatDateTime(linked.decidedAt)}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{sv.decisions.recordedBy}</dt>
          <dd>{decision.recordedByName}</dd>
        </div>
      </dl>
      <p className="decision__text">
        <span className="decision__label">{sv.decisions.grounds}: </span>
        {decision.grounds}
      </p>
      {decision.specialCircumstances ? (
        <p className="decision__text">
          <span className="decision__label">{sv.decisions.special}: </span>
          {decision.specialCircumstances}
        </p>
      ) : null}
      {decision.deadlines.length > 0 ? (
        <div className="decision__deadlines">
          <h4 className="decision__label">{sv.decisions.deadlines}</h4>
          <ul className="plain-list">
            {decision.deadlines.map((d) => (
              <li key={d.id} className="deadline">
                <p className="deadline__what">{d.label}</p>
                <p className="deadline__when">
                  <DeadlineText nominalDate={d.nominalDate} movedDate={d.movedDate} />
                </p>
                <p className="deadline__law">{d.legalReference}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {decision.makerKind === 'politician' && !decision.signedAt && !withdrawn ? <SignatureRequest decisionId={decision.id} caseId={view.id} typeName={decision.typeName} municipalityCode={view.municipalityCode} /> : null}
      {withdrawn && decision.withdrawnAt ? <p className="decision__withdrawn">{sv.decisions.withdrawnText(formatDateTime(decision.withdrawnAt), decision.withdrawnReason ?? '')}</p> : null}
      {canWithdraw && !withdrawn && DEFAULT_WITHDRAWABLE_CODES.includes(decision.typeCode) ? (
        <div className="button-row">
          <Button size="small" variant="danger" onClick={() => onWithdraw(decision)}>
            {sv.decisions.withdraw}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

interface DecisionDraft {
  typeCode: string;
  decidedAt: string;
  makerKind: MakerKind;
  makerName: string;
  makerCapacity: string;
  communicatedVia: Communicated;
  signedAt: string;
  grounds: string;
  subjectPersonId: string;
  placement: 'lvu' | 'sol' | 'unknown' | '';
  granted: 'yes' | 'no' | '';
  amountSek: string;
  linkedDecisionId: string;
  specialCircumstances: string;
  noticeOverrideReason: string;
}

const known = [
  'typeCode',
  'decidedAt',
  'makerKind',
  'makerName',
  'makerCapacity',
  'communicatedVia',
  'signedAt',
  'grounds',
  'subjectPersonId',
  'subjectPlacement',
  'granted',
  'amountSek',
  'linkedDecisionId',
  'specialCircumstances',
  'noticeOverrideReason',
];

/** Every rule error of a refused decision next to its field; the rest in the banner. */
function serverErrors(error: unknown): { fields: FieldErrors; banner: string[] } {
  if (!isApiError(error)) return { fields: {}, banner: error ? [sv.errors.unexpected] : [] };
  const list = Array.isArray(error.details?.errors) ? (error.details.errors as { field?: unknown; message?: unknown }[]) : [{ field: error.field, message: error.message }];
  const fields: FieldErrors = {};
  const banner: string[] = [];
  for (const item of list) {
    const field = typeof item.field === 'string' ? item.field : '';
    const message = typeof item.message === 'string' ? item.message : error.message;
    if (field && isKnownField(field, known)) fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
    else banner.push(message);
  }
  return { fields, banner };
}

function DecisionDialog({ view, organisation, onClose, onSaved }: { view: CaseView; organisation: Organisation; onClose: () => void; onSaved: (name: string) => void }) {
  const types = organisation.decisionTypes.filter((t) => t.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'sv'));
  const [draft, setDraft] = useState<DecisionDraft>(() => ({
    typeCode: '',
    decidedAt: toStockholmLocal(),
    makerKind: 'delegation',
    makerName: '',
    makerCapacity: '',
    communicatedVia: 'phone',
    signedAt: '',
    grounds: '',
    subjectPersonId: '',
    placement: '',
    granted: '',
    amountSek: '',
    linkedDecisionId: '',
    specialCircumstances: '',
    noticeOverrideReason: '',
  }));
  const ref = useRef<HTMLDivElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const record = useRecordDecision(view.id);
  const server = serverErrors(record.error);
  const fieldErrors = { ...server.fields, ...errors };
  const type: DecisionType | undefined = types.find((t) => t.code === draft.typeCode);
  const handrackning = type ? isHandrackning(type.code) : false;
  const linkable = view.decisions.filter((d) => d.status === 'active' && DEFAULT_LVU_BASIS_CODES.includes(d.typeCode));
  const set = <K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // The politicians on call for the case's municipality now (chair first): the form offers them, and takes the first once.
  const onCall = useOnCall(view.municipalityCode, draft.makerKind === 'politician');
  const onCallNow = draft.makerKind === 'politician' ? (onCall.data?.politicians ?? []) : [];
  const offered = useRef(false);
  const takePolitician = (p: { name: string; roleLabel: string; municipalityName: string }) =>
    setDraft((d) => ({ ...d, makerName: p.name, makerCapacity: `${p.roleLabel}, ${p.municipalityName}` }));
  useEffect(() => {
    const first = onCallNow[0];
    if (!offered.current && first && !draft.makerName) {
      offered.current = true;
      takePolitician(first);
    }
  });

  const chooseType = (code: string) => {
    const next = types.find((t) => t.code === code);
    setDraft((d) => {
      const changed: DecisionDraft = { ...d, typeCode: code, makerKind: next?.decidedBy ?? d.makerKind };
      // A police assistance carries out the case's LVU decision: when there is exactly one, take it and its child.
      if (next && isHandrackning(next.code) && linkable.length === 1 && !d.linkedDecisionId) {
        changed.linkedDecisionId = linkable[0]!.id;
        changed.subjectPersonId = d.subjectPersonId || linkable[0]!.subjectPersonId || '';
      }
      // A decision about a child: when the case has exactly one child, that child.
      const children = view.persons.filter((p) => p.role === 'child');
      if (next && next.subjectMaxAgeExclusive !== null && !changed.subjectPersonId && children.length === 1) changed.subjectPersonId = children[0]!.id;
      return changed;
    });
  };

  const submit = () => {
    const local: FieldErrors = {};
    const decidedAt = draft.decidedAt.trim() ? fromStockholmLocal(draft.decidedAt) : null;
    if (draft.decidedAt.trim() && !decidedAt) local.decidedAt = sv.intake.receivedAtInvalid;
    const signedAt = draft.signedAt.trim() ? fromStockholmLocal(draft.signedAt) : null;
    if (draft.signedAt.trim() && !signedAt) local.signedAt = sv.intake.receivedAtInvalid;
    // The legal rules (who decides, age, police assistance, granted or not) are the server's: it lists every breach.
    const result = validate(DecisionInputSchema, {
      typeCode: draft.typeCode,
      decidedAt,
      makerKind: draft.makerKind,
      makerName: draft.makerName,
      makerCapacity: draft.makerCapacity,
      communicatedVia: draft.communicatedVia,
      signedAt,
      grounds: draft.grounds,
      subjectPersonId: draft.subjectPersonId || null,
      subjectPlacement: handrackning && (draft.placement === 'lvu' || draft.placement === 'sol') ? draft.placement : null,
      granted: type?.isGrantable ? (draft.granted === '' ? null : draft.granted === 'yes') : null,
      amountSek: type?.isGrantable && draft.amountSek.trim() ? draft.amountSek.trim() : null,
      linkedDecisionId: handrackning ? draft.linkedDecisionId || null : null,
      specialCircumstances: handrackning ? draft.specialCircumstances.trim() || null : null,
      noticeOverrideReason: draft.noticeOverrideReason.trim() || null,
    });
    if (!result.ok || Object.keys(local).length > 0) {
      record.reset();
      fail({ ...(result.ok ? {} : result.errors), ...local });
      return;
    }
    clear();
    record.mutate(result.data, { onSuccess: () => onSaved(type?.name ?? draft.typeCode), onError: focusInvalid });
  };

  const subjects = view.persons.map((p) => ({ value: p.id, label: `${p.isProtected ? sv.persons.protectedBadge : p.displayName} (${(sv.cases.roles[p.role] ?? p.role).toLowerCase()})` }));

  return (
    <Dialog
      title={sv.decisions.title}
      onClose={onClose}
      onSubmit={submit}
      busy={record.isPending}
      size="wide"
      footer={
        <>
          <Button type="submit" variant="primary" pending={record.isPending} pendingLabel={sv.decisions.submitting}>
            {sv.decisions.submit}
          </Button>
          <Button onClick={onClose} disabled={record.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div className="stack" ref={ref}>
        {server.banner.length > 0 ? (
          <Banner kind="error">
            {server.banner.map((message, index) => (
              <p key={index}>{message}</p>
            ))}
          </Banner>
        ) : Object.keys(server.fields).length > 0 ? (
          <Banner kind="error">{sv.decisions.refused}</Banner>
        ) : null}
        <div className="form-grid">
          <SelectField
            label={sv.decisions.type}
            name="typeCode"
            value={draft.typeCode}
            onChange={chooseType}
            options={[{ value: '', label: sv.decisions.chooseType }, ...types.map((t) => ({ value: t.code, label: t.name }))]}
            error={fieldErrors.typeCode}
          />
          <TextField label={sv.decisions.decidedAt} name="decidedAt" type="datetime-local" value={draft.decidedAt} onChange={(v) => set('decidedAt', v)} hint={sv.decisions.decidedAtHint} error={fieldErrors.decidedAt} />
          <SelectField
            label={sv.decisions.subject}
            name="subjectPersonId"
            value={draft.subjectPersonId}
            onChange={(v) => set('subjectPersonId', v)}
            options={[{ value: '', label: type && (type.subjectMaxAgeExclusive !== null || type.decidedBy === 'politician' || handrackning) ? sv.decisions.chooseSubject : sv.decisions.noSubject }, ...subjects]}
            error={fieldErrors.subjectPersonId}
          />
        </div>
        <RadioGroup<MakerKind>
          legend={sv.decisions.makerKind}
          name="makerKind"
          value={draft.makerKind}
          onChange={(v) => set('makerKind', v)}
          options={[
            { value: 'politician', label: sv.decisions.makerKinds.politician, hint: sv.decisions.politicianHint },
            { value: 'delegation', label: sv.decisions.makerKinds.delegation },
          ]}
          error={fieldErrors.makerKind}
          className="radio-group--inline"
        />
        {onCallNow.length > 0 ? (
          <div className="on-call-offer" aria-label={svCollab.decisionOnCall.heading}>
            <p className="muted">{svCollab.decisionOnCall.heading}</p>
            <ul className="plain-list">
              {onCallNow.map((p) => (
                <li key={p.id}>
                  <Button type="button" variant="secondary" onClick={() => takePolitician(p)}>
                    {svCollab.decisionOnCall.use(p.name, p.roleLabel)}
                  </Button>{' '}
                  <span>{svCollab.decisionOnCall.phone(p.phone)}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : draft.makerKind === 'politician' && onCall.isSuccess ? (
          <p className="muted">{svCollab.decisionOnCall.none}</p>
        ) : null}
        <div className="form-grid">
          <TextField label={sv.decisions.makerName} name="makerName" value={draft.makerName} onChange={(v) => set('makerName', v)} error={fieldErrors.makerName} autoComplete="off" />
          <TextField
            label={sv.decisions.makerCapacity}
            name="makerCapacity"
            value={draft.makerCapacity}
            onChange={(v) => set('makerCapacity', v)}
            hint={sv.decisions.makerCapacityHint}
            error={fieldErrors.makerCapacity}
            autoComplete="off"
          />
          <SelectField
            label={sv.decisions.communicatedVia}
            name="communicatedVia"
            value={draft.communicatedVia}
            onChange={(v) => set('communicatedVia', COMMUNICATED.find((c) => c === v) ?? 'phone')}
            options={COMMUNICATED.map((c) => ({ value: c, label: sv.decisions.communicated[c] ?? c }))}
            error={fieldErrors.communicatedVia}
          />
          <TextField label={sv.decisions.signedAt} name="signedAt" type="datetime-local" value={draft.signedAt} onChange={(v) => set('signedAt', v)} hint={sv.decisions.signedAtHint} error={fieldErrors.signedAt} />
        </div>
        {handrackning ? (
          <div className="stack decision-form__special">
            <RadioGroup<'lvu' | 'sol' | 'unknown'>
              legend={sv.decisions.placement}
              name="subjectPlacement"
              value={draft.placement}
              onChange={(v) => set('placement', v)}
              options={(['lvu', 'sol', 'unknown'] as const).map((p) => ({ value: p, label: sv.decisions.placementOptions[p] ?? p }))}
              hint={sv.decisions.placementHint}
              error={fieldErrors.subjectPlacement}
              className="radio-group--inline"
            />
            {linkable.length === 0 ? (
              <Banner kind="warning">{sv.decisions.noLinkable}</Banner>
            ) : null}
            <SelectField
              label={sv.decisions.linked}
              name="linkedDecisionId"
              value={draft.linkedDecisionId}
              onChange={(v) => set('linkedDecisionId', v)}
              options={[
                { value: '', label: sv.decisions.chooseLinked },
                ...linkable.map((d) => ({ value: d.id, label: `${d.typeName}, ${formatDateTime(d.decidedAt)}${personName(view, d.subjectPersonId) ? ` – ${personName(view, d.subjectPersonId)}` : ''}` })),
              ]}
              error={fieldErrors.linkedDecisionId}
            />
            <TextAreaField
              label={sv.decisions.special}
              name="specialCircumstances"
              value={draft.specialCircumstances}
              onChange={(v) => set('specialCircumstances', v)}
              hint={sv.decisions.specialHint}
              error={fieldErrors.specialCircumstances}
              rows={3}
            />
          </div>
        ) : null}
        {type?.isGrantable ? (
          <div className="form-grid">
            <RadioGroup<'yes' | 'no'>
              legend={sv.decisions.granted}
              name="granted"
              value={draft.granted}
              onChange={(v) => set('granted', v)}
              options={[
                { value: 'yes', label: sv.decisions.grantedOptions.yes },
                { value: 'no', label: sv.decisions.grantedOptions.no },
              ]}
              error={fieldErrors.granted}
              className="radio-group--inline"
            />
            <TextField label={sv.decisions.amount} name="amountSek" value={draft.amountSek} onChange={(v) => set('amountSek', v)} hint={sv.decisions.amountHint} error={fieldErrors.amountSek} inputMode="decimal" autoComplete="off" />
          </div>
        ) : null}
        <TextAreaField label={sv.decisions.grounds} name="grounds" value={draft.grounds} onChange={(v) => set('grounds', v)} error={fieldErrors.grounds} rows={4} />
        {/* Asked for when the server finds the decision going against a municipality's notice. */}
        {fieldErrors.noticeOverrideReason || draft.noticeOverrideReason ? (
          <TextAreaField
            label={svCollab.decisions.noticeOverride}
            name="noticeOverrideReason"
            value={draft.noticeOverrideReason}
            onChange={(v) => set('noticeOverrideReason', v)}
            hint={svCollab.decisions.noticeOverrideHint}
            error={fieldErrors.noticeOverrideReason}
            rows={3}
          />
        ) : null}
      </div>
    </Dialog>
  );
}

function WithdrawDialog({ view, decision, onClose, onDone }: { view: CaseView; decision: Decision; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const withdraw = useWithdrawDecision(view.id);
  const fieldError = errors.reason ?? (isApiError(withdraw.error) && withdraw.error.field === 'reason' ? withdraw.error.message : undefined);
  const submit = () => {
    const result = validate(WithdrawInput, { reason });
    if (!result.ok) {
      withdraw.reset();
      fail(result.errors);
      return;
    }
    clear();
    withdraw.mutate({ decisionId: decision.id, reason: result.data.reason }, { onSuccess: onDone, onError: focusInvalid });
  };
  return (
    <Dialog
      title={sv.decisions.withdrawTitle(decision.typeName)}
      onClose={onClose}
      onSubmit={submit}
      busy={withdraw.isPending}
      footer={
        <>
          <Button type="submit" variant="danger" pending={withdraw.isPending} pendingLabel={sv.common.saving}>
            {sv.decisions.withdrawSubmit}
          </Button>
          <Button onClick={onClose} disabled={withdraw.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div className="stack" ref={ref}>
        {withdraw.error && !fieldError ? <ErrorBanner error={withdraw.error} /> : null}
        <TextAreaField label={sv.decisions.withdrawReason} name="reason" value={reason} onChange={setReason} error={fieldError} rows={3} />
      </div>
    </Dialog>
  );
}

export function DecisionsSection({ view, organisation, canEdit }: { view: CaseView; organisation: Organisation | undefined; canEdit: boolean }) {
  const [open, setOpen] = useState<{ kind: 'new' } | { kind: 'withdraw'; decision: Decision } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="case-section" aria-labelledby="case-decisions">
      <div className="section__header">
        <h2 className="section__title" id="case-decisions">
          {sv.cases.sections.decisions}
        </h2>
        {canEdit && organisation ? (
          <Button
            size="small"
            variant="primary"
            onClick={() => {
              setNotice(null);
              setOpen({ kind: 'new' });
            }}
          >
            {sv.decisions.add}
          </Button>
        ) : null}
      </div>
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      {view.decisions.length === 0 ? (
        <p className="muted">{sv.decisions.empty}</p>
      ) : (
        <div className="stack">
          {view.decisions.map((d) => (
            <DecisionCard key={d.id} decision={d} view={view} canWithdraw={canEdit} onWithdraw={(decision) => setOpen({ kind: 'withdraw', decision })} />
          ))}
        </div>
      )}
      {open?.kind === 'new' && organisation ? (
        <DecisionDialog
          view={view}
          organisation={organisation}
          onClose={() => setOpen(null)}
          onSaved={(name) => {
            setOpen(null);
            setNotice(sv.decisions.saved(name));
          }}
        />
      ) : null}
      {open?.kind === 'withdraw' ? (
        <WithdrawDialog
          view={view}
          decision={open.decision}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setNotice(sv.decisions.withdrawnDone);
          }}
        />
      ) : null}
    </section>
  );
}
