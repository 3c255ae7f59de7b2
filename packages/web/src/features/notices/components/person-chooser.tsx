// The persons of a notice or an assignment: search those Jourbok knows (the
// person search, in the request body, logged), or add a new one by
// personnummer and name; the server creates a new person with the notice.
import { useState } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Fieldset, TextField } from '../../../components/ui/field.tsx';
import { useDebounced } from '../../../lib/form.ts';
import { svCollab } from '../../collaboration/sv.ts';
import { usePersonSearch } from '../../persons/api.ts';
import { identityLine } from '../../persons/components/person-picker.tsx';
import { newPersonLine, type PersonLine } from '../person-lines.ts';

/** A person chosen in the form: one Jourbok knows, or a new one. */
export type ChosenPerson =
  | { kind: 'existing'; id: string; displayName: string; identityNumber: string | null }
  | { kind: 'new'; identityNumber: string; firstName: string; lastName: string };

export const keyOf = (p: ChosenPerson) => (p.kind === 'existing' ? p.id : `new:${p.identityNumber}`);
export const nameOf = (p: ChosenPerson) => (p.kind === 'existing' ? p.displayName : `${p.firstName} ${p.lastName}`.trim());

export function toPersonLines(persons: readonly ChosenPerson[], homeMunicipalityCode: string | null): PersonLine[] {
  return persons.map((p) => (p.kind === 'existing' ? { personId: p.id } : newPersonLine(p.identityNumber, p.firstName, p.lastName, homeMunicipalityCode)));
}

function NewPersonFields({ initialNumber, onAdd, onCancel }: { initialNumber: string; onAdd: (p: ChosenPerson) => void; onCancel: () => void }) {
  const [identityNumber, setIdentityNumber] = useState(initialNumber);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = () => {
    const found: Record<string, string> = {};
    if (!identityNumber.trim()) found.identityNumber = svCollab.chooser.identityMissing;
    if (!firstName.trim() || !lastName.trim()) found.firstName = svCollab.chooser.nameMissing;
    setErrors(found);
    if (Object.keys(found).length === 0) onAdd({ kind: 'new', identityNumber: identityNumber.trim(), firstName: firstName.trim(), lastName: lastName.trim() });
  };
  return (
    <div
      className="new-person"
      role="group"
      aria-label={svCollab.chooser.newTitle}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          add();
        }
      }}
    >
      <h3 className="new-person__title">{svCollab.chooser.newTitle}</h3>
      <div className="form-grid">
        <TextField label={svCollab.chooser.identityNumber} name="newIdentityNumber" value={identityNumber} onChange={setIdentityNumber} error={errors.identityNumber} autoComplete="off" spellCheck={false} />
        <TextField label={svCollab.chooser.firstName} name="newFirstName" value={firstName} onChange={setFirstName} error={errors.firstName} autoComplete="off" />
        <TextField label={svCollab.chooser.lastName} name="newLastName" value={lastName} onChange={setLastName} autoComplete="off" />
      </div>
      <div className="button-row">
        <Button variant="primary" onClick={add}>
          {svCollab.chooser.addNew}
        </Button>
        <Button onClick={onCancel}>{svCollab.chooser.cancel}</Button>
      </div>
    </div>
  );
}

export function PersonChooser({ value, onChange, error }: { value: readonly ChosenPerson[]; onChange: (persons: ChosenPerson[]) => void; error?: string | undefined }) {
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const debounced = useDebounced(query, 300);
  const search = usePersonSearch(debounced);
  const active = query.trim().length >= 2 && debounced.trim().length >= 2;
  const data = active ? search.data : undefined;
  const chosenKeys = value.map(keyOf);
  const add = (person: ChosenPerson) => {
    if (!chosenKeys.includes(keyOf(person))) onChange([...value, person]);
    setQuery('');
    setCreating(null);
  };

  return (
    <Fieldset legend={svCollab.chooser.legend} hint={svCollab.chooser.hint} error={error}>
      {value.length === 0 ? (
        <p className="muted">{svCollab.chooser.noneChosen}</p>
      ) : (
        <ul className="plain-list" aria-label={svCollab.chooser.chosen}>
          {value.map((p) => (
            <li key={keyOf(p)}>
              <strong>{nameOf(p)}</strong> <span className="numeric muted">{p.identityNumber ?? ''}</span> {p.kind === 'new' ? <span className="muted">({svCollab.chooser.newBadge})</span> : null}{' '}
              <Button size="small" onClick={() => onChange(value.filter((x) => keyOf(x) !== keyOf(p)))} aria-label={svCollab.chooser.remove(nameOf(p))}>
                {svCollab.chooser.removeShort}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
        }}
      >
        <TextField label={svCollab.chooser.search} name="personSearch" type="search" value={query} onChange={setQuery} autoComplete="off" spellCheck={false} />
      </div>
      <div aria-live="polite">
        {!active ? null : search.isError ? (
          <ErrorBanner error={search.error} />
        ) : !data ? (
          <p className="muted">{svCollab.chooser.searching}</p>
        ) : data.results.length === 0 ? (
          <p className="muted">{svCollab.chooser.none}</p>
        ) : (
          <ul className="person-results" aria-label={svCollab.chooser.results}>
            {data.results.map((p) => {
              const chosen = chosenKeys.includes(p.id);
              return (
                <li key={p.id} className="person-result">
                  <div className="person-result__who">
                    <span className="person-result__name">{p.displayName}</span>
                    <span className="person-result__identity numeric">{identityLine(p)}</span>
                  </div>
                  <Button
                    size="small"
                    disabled={chosen}
                    onClick={() => add({ kind: 'existing', id: p.id, displayName: p.displayName, identityNumber: p.identityNumber })}
                    aria-label={chosen ? undefined : svCollab.chooser.add(p.displayName)}
                  >
                    {chosen ? svCollab.chooser.added : svCollab.chooser.addShort}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {creating !== null ? (
        <NewPersonFields key={creating} initialNumber={creating} onAdd={add} onCancel={() => setCreating(null)} />
      ) : (
        <div className="button-row">
          <Button onClick={() => setCreating(data?.identity.valid && data.identity.normalized ? data.identity.normalized : '')}>{svCollab.chooser.newPerson}</Button>
        </div>
      )}
    </Fieldset>
  );
}
