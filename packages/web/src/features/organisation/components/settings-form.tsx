// General settings and the calendar (opening rules, standby, eves, extra
// holidays): one form, because the API saves them together with one version.
import { OrganisationUpdate as OrganisationUpdateSchema } from '@jourbok/contracts';
import { DAY_TYPES } from '@jourbok/domain/calendar/config';
import { EVE_CODES } from '@jourbok/domain/calendar/holidays';
import { useRef, useState, type FormEvent } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, Fieldset, TextField } from '../../../components/ui/field.tsx';
import { Section } from '../../../components/ui/page.tsx';
import { isApiError } from '../../../lib/api.ts';
import { splitError, useDraft, useFormErrors, validate, type FieldErrors } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useUpdateOrganisation, type CalendarSettings, type Organisation } from '../api.ts';

type DayType = (typeof DAY_TYPES)[number];
type EveCode = (typeof EVE_CODES)[number];

interface RuleDraft {
  key: number;
  dayTypes: DayType[];
  weekdays: number[];
  from: string;
}

interface Draft {
  name: string;
  shortName: string;
  phone: string;
  staffPerShift: string;
  openRules: RuleDraft[];
  openEnd: string;
  standbyStart: string;
  standbyEndShort: string;
  standbyEndLong: string;
  holidayEves: EveCode[];
  extraHolidays: { key: number; date: string; name: string }[];
}

let nextKey = 1;
const newKey = () => nextKey++;

function toDraft(org: Organisation): Draft {
  const c = org.calendar;
  return {
    name: org.name,
    shortName: org.shortName,
    phone: org.phone,
    staffPerShift: String(org.staffPerShift),
    openRules: c.openRules.map((rule) => ({ key: newKey(), dayTypes: rule.dayTypes ?? [], weekdays: rule.weekdays ?? [], from: rule.from })),
    openEnd: c.openEnd,
    standbyStart: c.standbyStart,
    standbyEndShort: c.standbyEndShort,
    standbyEndLong: c.standbyEndLong,
    holidayEves: [...c.holidayEves],
    extraHolidays: c.extraHolidays.map((h) => ({ key: newKey(), ...h })),
  };
}

function toInput(draft: Draft, org: Organisation, version: number) {
  const calendar: CalendarSettings = {
    timeZone: org.calendar.timeZone,
    holidayEves: EVE_CODES.filter((eve) => draft.holidayEves.includes(eve)),
    extraHolidays: draft.extraHolidays.map(({ date, name }) => ({ date, name })),
    openRules: draft.openRules.map((rule) => ({
      ...(rule.dayTypes.length ? { dayTypes: DAY_TYPES.filter((t) => rule.dayTypes.includes(t)) } : {}),
      ...(rule.weekdays.length ? { weekdays: [...rule.weekdays].sort((a, b) => a - b) } : {}),
      from: rule.from.trim(),
    })),
    standbyStart: draft.standbyStart.trim(),
    standbyEndShort: draft.standbyEndShort.trim(),
    standbyEndLong: draft.standbyEndLong.trim(),
    openEnd: draft.openEnd.trim(),
  };
  const staff = draft.staffPerShift.trim();
  return {
    name: draft.name,
    shortName: draft.shortName,
    phone: draft.phone,
    staffPerShift: /^\d+$/.test(staff) ? Number(staff) : Number.NaN,
    calendar,
    version,
  };
}

const knownFields = [
  'name',
  'shortName',
  'phone',
  'staffPerShift',
  'calendar.openRules',
  'calendar.openRules.*.from',
  'calendar.openEnd',
  'calendar.standbyStart',
  'calendar.standbyEndShort',
  'calendar.standbyEndLong',
  'calendar.extraHolidays.*.date',
  'calendar.extraHolidays.*.name',
];

const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

export function SettingsForm({ organisation, canEdit }: { organisation: Organisation; canEdit: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { draft, update, discard, version } = useDraft(organisation, toDraft);
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const save = useUpdateOrganisation();
  const [saved, setSaved] = useState(false);

  const server = splitError(save.error, knownFields);
  const fieldErrors: FieldErrors = { ...server.fieldErrors, ...errors };
  const err = (path: string) => fieldErrors[path];

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    update((d) => ({ ...d, [key]: value }));
  };
  const setRule = (index: number, change: Partial<RuleDraft>) =>
    set(
      'openRules',
      draft.openRules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = toInput(draft, organisation, version);
    const result = validate(OrganisationUpdateSchema, input);
    if (!result.ok) {
      const errs = { ...result.errors };
      if (Number.isNaN(input.staffPerShift)) errs.staffPerShift = sv.common.integer;
      save.reset();
      fail(errs);
      return;
    }
    clear();
    save.mutate(result.data, {
      onSuccess: () => {
        discard();
        setSaved(true);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale') discard();
        focusInvalid();
      },
    });
  };

  const hasLocalErrors = Object.keys(errors).length > 0;

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="settings-form" aria-label={sv.organisation.settings}>
      <fieldset className="plain-fieldset" disabled={!canEdit}>
        <Section title={sv.organisation.general} id="general">
          <div className="form-grid">
            <TextField label={sv.organisation.name} name="name" value={draft.name} onChange={(v) => set('name', v)} error={err('name')} autoComplete="off" />
            <TextField
              label={sv.organisation.shortName}
              name="shortName"
              value={draft.shortName}
              onChange={(v) => set('shortName', v)}
              error={err('shortName')}
              autoComplete="off"
            />
            <TextField label={sv.organisation.phone} name="phone" type="tel" value={draft.phone} onChange={(v) => set('phone', v)} error={err('phone')} autoComplete="off" />
            <TextField
              label={sv.organisation.staffPerShift}
              name="staffPerShift"
              inputMode="numeric"
              value={draft.staffPerShift}
              onChange={(v) => set('staffPerShift', v)}
              error={err('staffPerShift')}
              className="field--narrow"
            />
          </div>
        </Section>

        <Section title={sv.organisation.calendarHeading} id="calendar-settings">
          <p className="muted">{sv.organisation.calendarIntro}</p>
          {err('calendar') ? <Banner kind="error">{err('calendar')}</Banner> : null}
          <Fieldset legend={sv.organisation.openRules} error={err('calendar.openRules')}>
            <ol className="rule-list">
              {draft.openRules.map((rule, index) => (
                <li key={rule.key} className="rule">
                  <div className="rule__header">
                    <h3 className="rule__title">{sv.organisation.openRule(index + 1)}</h3>
                    {canEdit ? (
                      <div className="rule__actions">
                        {index > 0 ? (
                          <Button
                            size="small"
                            variant="quiet"
                            aria-label={sv.organisation.moveUp(index + 1)}
                            onClick={() => {
                              const rules = [...draft.openRules];
                              const [moved] = rules.splice(index, 1);
                              if (moved) rules.splice(index - 1, 0, moved);
                              set('openRules', rules);
                            }}
                          >
                            ↑
                          </Button>
                        ) : null}
                        <Button
                          size="small"
                          variant="quiet"
                          onClick={() => set('openRules', draft.openRules.filter((_, i) => i !== index))}
                          aria-label={sv.organisation.removeRule(index + 1)}
                        >
                          {sv.common.remove}
                        </Button>
                      </div>
                    ) : null}
                  </div>
                  <div className="rule__body">
                    <Fieldset legend={sv.organisation.ruleDayTypes} className="checkbox-group">
                      {DAY_TYPES.map((type) => (
                        <Checkbox
                          key={type}
                          name={`calendar.openRules.${index}.dayTypes`}
                          label={sv.calendar.dayTypes[type]}
                          checked={rule.dayTypes.includes(type)}
                          onChange={(on) => setRule(index, { dayTypes: toggle(rule.dayTypes, type, on) })}
                        />
                      ))}
                    </Fieldset>
                    <Fieldset legend={sv.organisation.ruleWeekdays} className="checkbox-group">
                      {sv.calendar.weekdays.map((day, i) => (
                        <Checkbox
                          key={day}
                          name={`calendar.openRules.${index}.weekdays`}
                          label={sv.calendar.weekdaysShort[i]}
                          aria-label={day}
                          checked={rule.weekdays.includes(i + 1)}
                          onChange={(on) => setRule(index, { weekdays: toggle(rule.weekdays, i + 1, on) })}
                        />
                      ))}
                    </Fieldset>
                    <TextField
                      label={sv.organisation.ruleFrom}
                      name={`calendar.openRules.${index}.from`}
                      value={rule.from}
                      onChange={(v) => setRule(index, { from: v })}
                      error={err(`calendar.openRules.${index}.from`)}
                      hint={sv.organisation.timeHint}
                      inputMode="numeric"
                      className="field--narrow"
                    />
                  </div>
                  {rule.dayTypes.length === 0 && rule.weekdays.length === 0 ? <p className="muted">{sv.organisation.ruleMatchesAll}</p> : null}
                </li>
              ))}
            </ol>
            {canEdit ? (
              <Button size="small" onClick={() => set('openRules', [...draft.openRules, { key: newKey(), dayTypes: [], weekdays: [], from: '16:00' }])}>
                {sv.organisation.addRule}
              </Button>
            ) : null}
          </Fieldset>

          <div className="form-grid">
            {(
              [
                ['openEnd', sv.organisation.openEnd],
                ['standbyStart', sv.organisation.standbyStart],
                ['standbyEndShort', sv.organisation.standbyEndShort],
                ['standbyEndLong', sv.organisation.standbyEndLong],
              ] as const
            ).map(([key, label]) => (
              <TextField
                key={key}
                label={label}
                name={`calendar.${key}`}
                value={draft[key]}
                onChange={(v) => set(key, v)}
                error={err(`calendar.${key}`)}
                hint={sv.organisation.timeHint}
                inputMode="numeric"
              />
            ))}
          </div>

          <Fieldset legend={sv.organisation.holidayEves} className="checkbox-group checkbox-group--columns">
            {EVE_CODES.map((eve) => (
              <Checkbox
                key={eve}
                name="calendar.holidayEves"
                label={sv.organisation.eves[eve] ?? eve}
                checked={draft.holidayEves.includes(eve)}
                onChange={(on) => set('holidayEves', toggle(draft.holidayEves, eve, on))}
              />
            ))}
          </Fieldset>

          <Fieldset legend={sv.organisation.extraHolidays}>
            {draft.extraHolidays.length === 0 ? <p className="muted">{sv.organisation.noExtraHolidays}</p> : null}
            <ul className="row-list">
              {draft.extraHolidays.map((holiday, index) => (
                <li key={holiday.key} className="row-list__row">
                  <TextField
                    label={sv.organisation.extraHolidayDate}
                    name={`calendar.extraHolidays.${index}.date`}
                    type="date"
                    value={holiday.date}
                    onChange={(v) => set('extraHolidays', draft.extraHolidays.map((h, i) => (i === index ? { ...h, date: v } : h)))}
                    error={err(`calendar.extraHolidays.${index}.date`)}
                  />
                  <TextField
                    label={sv.organisation.extraHolidayName}
                    name={`calendar.extraHolidays.${index}.name`}
                    value={holiday.name}
                    onChange={(v) => set('extraHolidays', draft.extraHolidays.map((h, i) => (i === index ? { ...h, name: v } : h)))}
                    error={err(`calendar.extraHolidays.${index}.name`)}
                  />
                  {canEdit ? (
                    <Button
                      size="small"
                      variant="quiet"
                      className="row-list__remove"
                      aria-label={sv.organisation.removeExtraHoliday(holiday.date)}
                      onClick={() => set('extraHolidays', draft.extraHolidays.filter((_, i) => i !== index))}
                    >
                      {sv.common.remove}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
            {canEdit ? (
              <Button size="small" onClick={() => set('extraHolidays', [...draft.extraHolidays, { key: newKey(), date: '', name: '' }])}>
                {sv.organisation.addExtraHoliday}
              </Button>
            ) : null}
          </Fieldset>
        </Section>
      </fieldset>

      {canEdit ? (
        <div className="form-actions form-actions--sticky">
          <div className="form-actions__messages">
            {hasLocalErrors ? <Banner kind="error">{sv.common.fixFields}</Banner> : null}
            <ErrorBanner error={server.banner} />
            {saved ? <Banner kind="success">{sv.common.saved}</Banner> : null}
          </div>
          <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={sv.common.saving}>
            {sv.organisation.saveSettings}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
