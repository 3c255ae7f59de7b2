// The intake: one screen, top to bottom in the order a call goes. Enter in a
// one-line field (or Ctrl+Enter in a text area) registers the case; the parts
// for persons handle their own Enter.
import { CaseRegistration as CaseRegistrationSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { fromStockholmLocal, toStockholmLocal } from '../../../lib/format.ts';
import { splitError, useFormErrors, validate, type FieldErrors } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import type { Organisation } from '../../organisation/api.ts';
import { PersonPicker } from '../../persons/components/person-picker.tsx';
import { useRegisterCase } from '../api.ts';
import { CasePersonsEditor, defaultRole, type PersonRow } from './case-persons-editor.tsx';
import { emptyTriage, TriagePicker, triageInput, type TriageDraft } from './triage-picker.tsx';

export const CHANNELS = ['polis', 'sos_112', 'sjukvard', 'ambulans', 'kommun', 'enskild', 'annan_jour', 'ovrig'] as const;
type Channel = (typeof CHANNELS)[number];
/** Reporters from these are as a rule mandated to report (14 kap. 1 § SoL): ticked for the user, who may untick. */
const MANDATED_CHANNELS: readonly string[] = ['polis', 'sjukvard', 'ambulans', 'kommun', 'annan_jour'];
const OTHER = 'annan';

interface IntakeDraft {
  receivedAt: string;
  contactChannel: Channel | '';
  reporterName: string;
  reporterOrganisation: string;
  reporterPhone: string;
  reporterIsMandated: boolean;
  mandatedTouched: boolean;
  reporterWantsSecrecy: boolean;
  municipality: string;
  otherCode: string;
  categoryCode: string;
  youthCrime: boolean;
  caseType: 'arende' | 'orosanmalan';
  summary: string;
  persons: PersonRow[];
  triage: TriageDraft;
  shelterRequested: boolean;
}

const known = [
  'receivedAt',
  'contactChannel',
  'reporterName',
  'reporterOrganisation',
  'reporterPhone',
  'municipalityCode',
  'categoryCode',
  'youthCrime',
  'caseType',
  'summary',
  'persons',
  'persons.*.role',
  'persons.*.whereNow',
  'triage.criteria',
  'triage.overridePriority',
  'triage.overrideReason',
  'shelterRequested',
];

const text = (value: string) => (value.trim() === '' ? null : value.trim());

export function isChildCase(caseType: string, persons: readonly PersonRow[]): boolean {
  return caseType === 'orosanmalan' || persons.some((p) => p.role === 'child' || (p.person.age !== null && p.person.age < 18));
}

export function IntakeForm({ organisation, onRegistered }: { organisation: Organisation; onRegistered: (created: { id: string; caseNumber: string }) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<IntakeDraft>(() => ({
    receivedAt: toStockholmLocal(),
    contactChannel: '',
    reporterName: '',
    reporterOrganisation: '',
    reporterPhone: '',
    reporterIsMandated: false,
    mandatedTouched: false,
    reporterWantsSecrecy: false,
    municipality: '',
    otherCode: '',
    categoryCode: '',
    youthCrime: false,
    caseType: 'arende',
    summary: '',
    persons: [],
    triage: emptyTriage,
    shelterRequested: false,
  }));
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const register = useRegisterCase();
  const server = splitError(register.error, known);
  const fieldErrors: FieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const members = organisation.municipalities.filter((m) => m.isMember);
  const categories = organisation.categories.filter((c) => c.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'sv'));
  const municipalityCode = draft.municipality === OTHER ? draft.otherCode.trim() : draft.municipality;
  const concernsChild = isChildCase(draft.caseType, draft.persons);

  const chooseChannel = (value: string) => {
    const channel = CHANNELS.find((c) => c === value) ?? '';
    setDraft((d) => ({ ...d, contactChannel: channel, reporterIsMandated: d.mandatedTouched ? d.reporterIsMandated : MANDATED_CHANNELS.includes(channel) }));
  };

  const submit = () => {
    const local: FieldErrors = {};
    if (!draft.contactChannel) local.contactChannel = sv.intake.chooseChannel;
    if (!draft.municipality) local.municipalityCode = sv.intake.chooseMunicipality;
    if (!draft.categoryCode) local.categoryCode = sv.intake.chooseCategory;
    const receivedAt = fromStockholmLocal(draft.receivedAt);
    if (draft.receivedAt.trim() && !receivedAt) local.receivedAt = sv.intake.receivedAtInvalid;
    draft.persons.forEach((p, i) => {
      if (!p.role) local[`persons.${i}.role`] = sv.persons.roleMissing;
    });
    const triage = triageInput(draft.triage, concernsChild);
    if (triage.error) local['triage.overrideReason'] = triage.error;
    const result = validate(CaseRegistrationSchema, {
      caseType: draft.caseType,
      receivedAt,
      contactChannel: draft.contactChannel || undefined,
      reporterName: text(draft.reporterName),
      reporterOrganisation: text(draft.reporterOrganisation),
      reporterPhone: text(draft.reporterPhone),
      reporterIsMandated: draft.reporterIsMandated,
      reporterWantsSecrecy: draft.reporterWantsSecrecy,
      municipalityCode,
      categoryCode: draft.categoryCode,
      youthCrime: draft.categoryCode === 'barn_unga' && draft.youthCrime,
      summary: draft.summary,
      shelterRequested: draft.shelterRequested,
      persons: draft.persons.map((p) => ({ personId: p.person.id, role: p.role || undefined, whereNow: text(p.whereNow) })),
      triage: triage.input,
    });
    const all = { ...(result.ok ? {} : result.errors), ...local };
    if (!result.ok || Object.keys(local).length > 0) {
      register.reset();
      fail(all);
      return;
    }
    clear();
    register.mutate(result.data, { onSuccess: onRegistered, onError: focusInvalid });
  };

  const municipalityOptions = [
    { value: '', label: sv.intake.chooseMunicipality },
    ...members.map((m) => ({ value: m.code, label: m.name })),
    { value: OTHER, label: sv.intake.otherMunicipality },
  ];

  return (
    <form
      ref={formRef}
      className="intake"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ErrorBanner error={server.banner} />

      <section className="form-section" aria-labelledby="intake-contact">
        <h2 className="form-section__title" id="intake-contact">
          {sv.intake.contact}
        </h2>
        <div className="form-grid">
          <TextField
            label={sv.intake.receivedAt}
            name="receivedAt"
            type="datetime-local"
            value={draft.receivedAt}
            onChange={(v) => set('receivedAt', v)}
            hint={sv.intake.receivedAtHint}
            error={fieldErrors.receivedAt}
          />
          <SelectField
            label={sv.intake.contactChannel}
            name="contactChannel"
            value={draft.contactChannel}
            onChange={chooseChannel}
            options={[{ value: '', label: sv.intake.chooseChannel }, ...CHANNELS.map((c) => ({ value: c, label: sv.cases.channels[c] ?? c }))]}
            error={fieldErrors.contactChannel}
            autoFocus
          />
        </div>
        <fieldset className="plain-fieldset">
          <legend className="form-section__subtitle">{sv.intake.reporter}</legend>
          <div className="form-grid">
            <TextField label={sv.intake.reporterName} name="reporterName" value={draft.reporterName} onChange={(v) => set('reporterName', v)} error={fieldErrors.reporterName} autoComplete="off" />
            <TextField
              label={sv.intake.reporterOrganisation}
              name="reporterOrganisation"
              value={draft.reporterOrganisation}
              onChange={(v) => set('reporterOrganisation', v)}
              error={fieldErrors.reporterOrganisation}
              autoComplete="off"
            />
            <TextField label={sv.intake.reporterPhone} name="reporterPhone" type="tel" value={draft.reporterPhone} onChange={(v) => set('reporterPhone', v)} error={fieldErrors.reporterPhone} autoComplete="off" />
          </div>
          <div className="checkbox-row">
            <Checkbox
              label={sv.intake.reporterIsMandated}
              name="reporterIsMandated"
              checked={draft.reporterIsMandated}
              onChange={(v) => setDraft((d) => ({ ...d, reporterIsMandated: v, mandatedTouched: true }))}
            />
            <Checkbox label={sv.intake.reporterWantsSecrecy} name="reporterWantsSecrecy" checked={draft.reporterWantsSecrecy} onChange={(v) => set('reporterWantsSecrecy', v)} />
          </div>
        </fieldset>
      </section>

      <section className="form-section" aria-labelledby="intake-case">
        <h2 className="form-section__title" id="intake-case">
          {sv.intake.caseHeading}
        </h2>
        <div className="form-grid">
          <SelectField
            label={sv.intake.municipality}
            name="municipality"
            value={draft.municipality}
            onChange={(v) => set('municipality', v)}
            options={municipalityOptions}
            error={draft.municipality === OTHER ? undefined : fieldErrors.municipalityCode}
          />
          {draft.municipality === OTHER ? (
            <TextField
              label={sv.intake.otherMunicipalityCode}
              name="otherMunicipalityCode"
              value={draft.otherCode}
              onChange={(v) => set('otherCode', v)}
              hint={sv.intake.otherMunicipalityHint}
              error={fieldErrors.municipalityCode}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
            />
          ) : null}
          <SelectField
            label={sv.intake.category}
            name="categoryCode"
            value={draft.categoryCode}
            onChange={(v) => setDraft((d) => ({ ...d, categoryCode: v, youthCrime: v === 'barn_unga' ? d.youthCrime : false }))}
            options={[{ value: '', label: sv.intake.chooseCategory }, ...categories.map((c) => ({ value: c.code, label: c.name }))]}
            error={fieldErrors.categoryCode}
          />
        </div>
        {draft.categoryCode === 'barn_unga' ? (
          <Checkbox label={sv.intake.youthCrime} name="youthCrime" checked={draft.youthCrime} onChange={(v) => set('youthCrime', v)} error={fieldErrors.youthCrime} />
        ) : null}
        <RadioGroup<'arende' | 'orosanmalan'>
          legend={sv.intake.caseType}
          name="caseType"
          value={draft.caseType}
          onChange={(v) => set('caseType', v)}
          options={[
            { value: 'arende', label: sv.intake.caseTypeArende },
            { value: 'orosanmalan', label: sv.intake.caseTypeOro, hint: sv.intake.caseTypeOroHint },
          ]}
          error={fieldErrors.caseType}
          className="radio-group--inline"
        />
        <TextAreaField label={sv.intake.summary} name="summary" value={draft.summary} onChange={(v) => set('summary', v)} hint={sv.intake.summaryHint} error={fieldErrors.summary} rows={4} />
      </section>

      <section className="form-section" aria-labelledby="intake-persons">
        <h2 className="form-section__title" id="intake-persons">
          {sv.intake.persons}
        </h2>
        <CasePersonsEditor rows={draft.persons} onChange={(persons) => set('persons', persons)} errors={fieldErrors} />
        <PersonPicker
          pickedIds={draft.persons.map((p) => p.person.id)}
          municipalityCode={/^\d{4}$/.test(municipalityCode) ? municipalityCode : null}
          onPick={(person) => setDraft((d) => ({ ...d, persons: [...d.persons, { person, role: defaultRole(person), whereNow: '' }] }))}
          error={fieldErrors.persons}
        />
      </section>

      <section className="form-section" aria-labelledby="intake-triage">
        <h2 className="form-section__title" id="intake-triage">
          {sv.intake.triage}
        </h2>
        <TriagePicker
          idPrefix="intake"
          value={draft.triage}
          onChange={(triage) => set('triage', triage)}
          concernsChild={concernsChild}
          errors={{ criteria: fieldErrors['triage.criteria'], overridePriority: fieldErrors['triage.overridePriority'], overrideReason: fieldErrors['triage.overrideReason'] }}
        />
      </section>

      <section className="form-section" aria-labelledby="intake-shelter">
        <h2 className="form-section__title" id="intake-shelter">
          {sv.intake.shelter}
        </h2>
        <Checkbox label={sv.intake.shelterRequested} name="shelterRequested" checked={draft.shelterRequested} onChange={(v) => set('shelterRequested', v)} />
      </section>

      <div className="form-actions form-actions--sticky">
        <Button type="submit" variant="primary" pending={register.isPending} pendingLabel={sv.intake.submitting}>
          {sv.intake.submit}
        </Button>
        {Object.keys(fieldErrors).length > 0 ? <p className="form-actions__note field__error">{sv.common.fixFields}</p> : null}
      </div>
    </form>
  );
}
