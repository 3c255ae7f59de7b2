// Search before create: the search box finds persons by personnummer, birth
// date or name as the user types; a hit shows earlier cases. Only when no hit
// fits does the user create a new person, and the server checks again (the
// number exists, or similar names) before it does.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../../components/ui/field.tsx';
import { api, isApiError } from '../../../lib/api.ts';
import { stockholmDate } from '../../../lib/format.ts';
import { emptyToNull, splitError, useDebounced, useFormErrors } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { personKey, useCreatePerson, usePersonSearch, type Candidate, type PersonDetails, type PersonInput, type PersonSummary } from '../api.ts';
import { ProtectedMarker } from './protected-marker.tsx';

/** A person chosen for a case: from the search, or just created. */
export interface PickedPerson {
  id: string;
  displayName: string;
  isProtected: boolean;
  protection: string;
  identityNumber: string | null;
  age: number | null;
  birthYear: number | null;
}

const fromSummary = (p: PersonSummary): PickedPerson => ({
  id: p.id,
  displayName: p.displayName,
  isProtected: p.isProtected,
  protection: p.protection,
  identityNumber: p.identityNumber,
  age: p.age,
  birthYear: p.birthYear,
});

const fromDetails = (p: PersonDetails): PickedPerson => ({
  id: p.id,
  displayName: p.displayName,
  isProtected: p.protection !== 'none' || p.hiddenResidence,
  protection: p.protection,
  identityNumber: p.identityNumber,
  age: p.age,
  birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.birthYearApprox,
});

/** Enter in a field of a part of a larger form runs that part's action, not the whole form's. */
function onEnter(action: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    action();
  };
}

/** `20150412-2386 · 11 år` and the like: what tells two persons apart. */
export function identityLine(p: { identityNumber: string | null; age: number | null; birthYear: number | null }): string {
  const parts: string[] = [];
  if (p.identityNumber) parts.push(p.identityNumber);
  if (p.age !== null) parts.push(sv.persons.age(p.age));
  else if (p.birthYear !== null) parts.push(sv.persons.bornYear(p.birthYear));
  return parts.join(' · ');
}

const NUMBER_LIKE = /^\d{6}[-+]?\d{4}$|^\d{8}-?\d{4}$/;
const DATE_LIKE = /^\d{6}$|^\d{8}$/;

function SearchResults({ results, pickedIds, onPick }: { results: PersonSummary[]; pickedIds: readonly string[]; onPick: (p: PersonSummary) => void }) {
  return (
    <ul className="person-results" aria-label={sv.persons.searchResults}>
      {results.map((p) => {
        const picked = pickedIds.includes(p.id);
        return (
          <li key={p.id} className="person-result">
            <div className="person-result__who">
              <span className="person-result__name">{p.displayName}</span>
              {p.isProtected ? <ProtectedMarker protection={p.protection} /> : null}
              <span className="person-result__identity numeric">{identityLine(p)}</span>
            </div>
            {p.notices.length > 0 ? (
              <ul className="person-result__notices" aria-label={sv.notices.inSearch(p.notices.length)}>
                {p.notices.map((n) => (
                  <li key={n.id} className={n.level === 'must_read' ? 'marker marker--overdue' : 'marker'}>
                    {sv.notices.levels[n.level]}: {n.title}
                    {n.instructionLabels.length > 0 ? ` (${n.instructionLabels.join(', ')})` : ''} – {n.municipalityName}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="person-result__history">
              {sv.persons.caseCount(p.caseCount)}
              {p.lastCaseAt ? `, ${sv.persons.lastCase(stockholmDate(p.lastCaseAt))}` : ''}
            </div>
            <Button size="small" onClick={() => onPick(p)} disabled={picked} aria-label={picked ? undefined : sv.persons.addPerson(p.displayName)}>
              {picked ? sv.persons.alreadyAdded : sv.persons.add}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

type IdentityKind = PersonInput['identityKind'];
type Protection = PersonInput['protection'];

interface NewPersonDraft {
  identityKind: IdentityKind;
  identityNumber: string;
  reserveIssuer: string;
  firstName: string;
  lastName: string;
  birthYearApprox: string;
  phone: string;
  address: string;
  protection: Protection;
  hiddenResidence: boolean;
}

/** What the search box held, as a head start for a new person. */
function draftFrom(query: string): NewPersonDraft {
  const text = query.trim();
  const compact = text.replace(/\s/g, '');
  const isNumber = NUMBER_LIKE.test(compact);
  const [first = '', ...rest] = isNumber || /\d/.test(text) ? [] : text.split(/\s+/);
  return {
    identityKind: 'personnummer',
    identityNumber: isNumber ? compact : '',
    reserveIssuer: '',
    firstName: first,
    lastName: rest.join(' '),
    birthYearApprox: '',
    phone: '',
    address: '',
    protection: 'none',
    hiddenResidence: false,
  };
}

const personFields = ['identityKind', 'identityNumber', 'reserveIssuer', 'firstName', 'lastName', 'birthYearApprox', 'phone', 'address', 'protection', 'hiddenResidence'];

function NewPersonForm({
  initial,
  municipalityCode,
  onCreated,
  onCancel,
}: {
  initial: NewPersonDraft;
  municipalityCode: string | null;
  onCreated: (person: PickedPerson) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const create = useCreatePerson();
  const client = useQueryClient();
  const [picking, setPicking] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const { errors: localErrors, fail, clear, focusInvalid } = useFormErrors(ref);
  const titleId = useId();
  const set = <K extends keyof NewPersonDraft>(key: K, value: NewPersonDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const hasNumber = draft.identityKind !== 'unknown';
  const conflict = isApiError(create.error) && create.error.code === 'conflict' ? create.error : null;
  const existingId = typeof conflict?.details?.personId === 'string' ? conflict.details.personId : null;
  const candidates = Array.isArray(conflict?.details?.candidates) ? (conflict.details.candidates as Candidate[]) : [];
  // A conflict is answered in its banner (pick the existing person, or confirm a new one), not at a field.
  const server = conflict ? { fieldErrors: {}, banner: null } : splitError(create.error, personFields);
  const errors = { ...server.fieldErrors, ...localErrors };
  useEffect(() => {
    if (conflict) ref.current?.querySelector<HTMLElement>('.banner button')?.focus();
  }, [conflict]);

  const submit = (confirmedNew = false) => {
    const local: Record<string, string> = {};
    if (hasNumber && !draft.identityNumber.trim()) local.identityNumber = sv.persons.identityNumberMissing;
    if (draft.identityKind === 'unknown' && !draft.firstName.trim() && !draft.lastName.trim()) local.firstName = sv.persons.nameMissing;
    const year = draft.birthYearApprox.trim();
    if (year && !/^\d{4}$/.test(year)) local.birthYearApprox = sv.common.integer;
    if (Object.keys(local).length) {
      create.reset();
      fail(local);
      return;
    }
    clear();
    const input: PersonInput = {
      identityKind: draft.identityKind,
      identityNumber: hasNumber ? draft.identityNumber.trim() : null,
      reserveIssuer: draft.identityKind === 'reservnummer' ? emptyToNull(draft.reserveIssuer) : null,
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      birthYearApprox: year && (draft.identityKind === 'unknown' || draft.identityKind === 'reservnummer') ? Number(year) : null,
      homeMunicipalityCode: municipalityCode,
      address: emptyToNull(draft.address),
      phone: emptyToNull(draft.phone),
      email: null,
      protection: draft.protection,
      hiddenResidence: draft.hiddenResidence,
      confirmedNew,
    };
    create.mutate(input, { onSuccess: (created) => onCreated(fromDetails(created)), onError: focusInvalid });
  };

  const pickExisting = async (id: string) => {
    setPicking(true);
    try {
      const person = await client.fetchQuery({ queryKey: personKey(id), queryFn: () => api.get<PersonDetails>(`/api/persons/${encodeURIComponent(id)}`) });
      onCreated(fromDetails(person));
    } finally {
      setPicking(false);
    }
  };

  const numberLabel = draft.identityKind === 'reservnummer' ? sv.persons.identityKinds.reservnummer : draft.identityKind === 'samordningsnummer' ? sv.persons.identityKinds.samordningsnummer : sv.persons.identityNumber;

  return (
    <div className="new-person" ref={ref} onKeyDown={onEnter(() => submit())} role="group" aria-labelledby={titleId}>
      <h3 className="new-person__title" id={titleId}>
        {sv.persons.newPersonTitle}
      </h3>
      {existingId ? (
        <Banner
          kind="warning"
          title={sv.persons.exists}
          actions={
            <Button size="small" variant="primary" onClick={() => void pickExisting(existingId)} pending={picking} pendingLabel={sv.app.loading}>
              {sv.persons.useExisting}
            </Button>
          }
        >
          {conflict?.message}
        </Banner>
      ) : candidates.length > 0 ? (
        <Banner kind="warning" title={sv.persons.similar}>
          <ul className="candidate-list">
            {candidates.map((c) => (
              <li key={c.id}>
                <Button size="small" onClick={() => void pickExisting(c.id)} disabled={picking}>
                  {sv.persons.pickCandidate(c.displayName)}
                </Button>{' '}
                <span className="muted">{c.birthYear ? sv.persons.bornYear(c.birthYear) : sv.persons.unknownBirthYear}</span>
              </li>
            ))}
          </ul>
          <Button size="small" variant="primary" onClick={() => submit(true)} pending={create.isPending} pendingLabel={sv.persons.creating}>
            {sv.persons.noneOfThese}
          </Button>
        </Banner>
      ) : (
        <ErrorBanner error={server.banner} />
      )}
      <RadioGroup<IdentityKind>
        legend={sv.persons.identityKind}
        name="identityKind"
        value={draft.identityKind}
        onChange={(v) => set('identityKind', v)}
        options={(['personnummer', 'samordningsnummer', 'reservnummer', 'unknown'] as const).map((k) => ({ value: k, label: sv.persons.identityKinds[k] }))}
        error={errors.identityKind}
        className="radio-group--inline"
      />
      <div className="form-grid">
        {hasNumber ? (
          <TextField label={numberLabel} name="identityNumber" value={draft.identityNumber} onChange={(v) => set('identityNumber', v)} error={errors.identityNumber} autoComplete="off" spellCheck={false} autoFocus={!initial.identityNumber} />
        ) : null}
        {draft.identityKind === 'reservnummer' ? (
          <TextField label={sv.persons.reserveIssuer} name="reserveIssuer" value={draft.reserveIssuer} onChange={(v) => set('reserveIssuer', v)} error={errors.reserveIssuer} autoComplete="off" />
        ) : null}
        <TextField label={sv.persons.firstName} name="firstName" value={draft.firstName} onChange={(v) => set('firstName', v)} error={errors.firstName} autoComplete="off" autoFocus={!!initial.identityNumber || !hasNumber} />
        <TextField label={sv.persons.lastName} name="lastName" value={draft.lastName} onChange={(v) => set('lastName', v)} error={errors.lastName} autoComplete="off" />
        {draft.identityKind === 'unknown' || draft.identityKind === 'reservnummer' ? (
          <TextField
            label={sv.persons.birthYearApprox}
            name="birthYearApprox"
            value={draft.birthYearApprox}
            onChange={(v) => set('birthYearApprox', v)}
            error={errors.birthYearApprox}
            hint={sv.persons.birthYearHint}
            inputMode="numeric"
            autoComplete="off"
          />
        ) : null}
        <TextField label={sv.persons.phone} name="phone" value={draft.phone} onChange={(v) => set('phone', v)} error={errors.phone} autoComplete="off" inputMode="tel" />
        <TextField label={sv.persons.address} name="address" value={draft.address} onChange={(v) => set('address', v)} error={errors.address} autoComplete="off" />
        <SelectField
          label={sv.persons.protectionLabel}
          name="protection"
          value={draft.protection}
          onChange={(v) => set('protection', (['none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade'] as const).find((p) => p === v) ?? 'none')}
          options={(['none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade'] as const).map((p) => ({ value: p, label: sv.persons.protection[p] ?? p }))}
          error={errors.protection}
        />
      </div>
      <Checkbox label={sv.persons.hiddenResidenceLabel} name="hiddenResidence" checked={draft.hiddenResidence} onChange={(v) => set('hiddenResidence', v)} />
      <div className="button-row">
        <Button variant="primary" onClick={() => submit()} pending={create.isPending} pendingLabel={sv.persons.creating}>
          {sv.persons.createSubmit}
        </Button>
        <Button onClick={onCancel} disabled={create.isPending}>
          {sv.common.cancel}
        </Button>
      </div>
    </div>
  );
}

/**
 * The person search with its results and the new-person form. `pickedIds`
 * are already in the case; `municipalityCode` becomes a new person's home
 * municipality.
 */
export function PersonPicker({
  onPick,
  pickedIds,
  municipalityCode,
  error,
}: {
  onPick: (person: PickedPerson) => void;
  pickedIds: readonly string[];
  municipalityCode: string | null;
  error?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const [searchNow, setSearchNow] = useState<string | null>(null);
  const [creating, setCreating] = useState<NewPersonDraft | null>(null);
  const debounced = useDebounced(query, 300);
  const searchFor = searchNow === query ? searchNow : debounced;
  const search = usePersonSearch(searchFor);
  const id = useId();
  // Results follow the settled text, and go at once when the box is emptied (after a pick).
  const active = query.trim().length >= 2 && searchFor.trim().length >= 2;
  const data = active ? search.data : undefined;
  const identityError = data && !data.identity.valid && data.identity.message && NUMBER_LIKE.test(searchFor.trim().replace(/\s/g, '')) ? data.identity.message : undefined;
  const identityHint = data && DATE_LIKE.test(searchFor.trim().replace(/\s/g, '')) ? data.identity.message : null;

  const pick = (person: PickedPerson) => {
    onPick(person);
    setQuery('');
    setCreating(null);
  };

  // Enter: the one person found by this number is added at once; otherwise search now, without waiting.
  const enter = () => {
    const only = data && searchFor === query && data.results.length === 1 ? data.results[0] : undefined;
    if (only && only.matchedBy === 'identity' && data?.identity.valid && !pickedIds.includes(only.id)) pick(fromSummary(only));
    else setSearchNow(query);
  };

  return (
    <div className="person-picker">
      <div onKeyDown={onEnter(enter)}>
        <TextField
          label={sv.persons.search}
          name={`person-search-${id}`}
          type="search"
          value={query}
          onChange={setQuery}
          hint={identityHint ?? sv.persons.searchHint}
          error={identityError ?? error}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="person-picker__results" aria-live="polite">
        {!active ? null : search.isError ? (
          <ErrorBanner error={search.error} />
        ) : !data ? (
          <p className="muted">{sv.persons.searching}</p>
        ) : data.results.length === 0 ? (
          <p className="muted">{sv.persons.noResults}</p>
        ) : (
          <>
            <p className="visually-hidden">{sv.persons.resultCount(data.results.length)}</p>
            <SearchResults results={data.results} pickedIds={pickedIds} onPick={(p) => pick(fromSummary(p))} />
          </>
        )}
      </div>
      {creating ? (
        <NewPersonForm key={JSON.stringify(creating)} initial={creating} municipalityCode={municipalityCode} onCreated={pick} onCancel={() => setCreating(null)} />
      ) : (
        <div className="button-row">
          <Button onClick={() => setCreating(draftFrom(active && !identityError ? query : ''))}>
            {active && data?.identity.valid && data.identity.normalized && data.results.length === 0 ? sv.persons.newPersonWith(data.identity.normalized) : sv.persons.newPerson}
          </Button>
        </div>
      )}
    </div>
  );
}
