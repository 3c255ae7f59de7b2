// The persons of a case: role, identity, where they are now; protected persons
// as such, with a reasoned reveal; a link to each person's page; and adding a
// person (search before create) for those who may change the case.
import { useState } from 'react';
import { Link } from 'react-router';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { sv } from '../../../lib/sv.ts';
import { identityLine, PersonPicker, type PickedPerson } from '../../persons/components/person-picker.tsx';
import { ProtectedMarker } from '../../persons/components/protected-marker.tsx';
import { RevealDialog } from '../../persons/components/reveal-dialog.tsx';
import { useAddCasePerson, type CaseView } from '../api.ts';
import { defaultRole, roleOptions, toRole, type CaseRole } from './case-persons-editor.tsx';

function AddPerson({ view, onDone }: { view: CaseView; onDone: (name: string) => void }) {
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const [role, setRole] = useState<CaseRole | ''>('');
  const [whereNow, setWhereNow] = useState('');
  const [roleError, setRoleError] = useState<string | undefined>();
  const add = useAddCasePerson(view.id);

  const submit = () => {
    if (!picked) return;
    if (!role) {
      setRoleError(sv.persons.roleMissing);
      return;
    }
    setRoleError(undefined);
    add.mutate({ personId: picked.id, role, whereNow: whereNow.trim() || null }, { onSuccess: () => onDone(picked.displayName) });
  };

  if (!picked) {
    return (
      <PersonPicker
        pickedIds={view.persons.map((p) => p.id)}
        municipalityCode={view.municipalityCode}
        onPick={(p) => {
          setPicked(p);
          setRole(defaultRole(p));
        }}
      />
    );
  }
  return (
    <form
      className="add-person stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="chosen-person__who">
        <span className="chosen-person__name">{picked.displayName}</span>
        {picked.isProtected ? <ProtectedMarker protection={picked.protection} /> : null}
        <span className="muted numeric">{identityLine(picked)}</span>
      </p>
      <ErrorBanner error={add.error} />
      <div className="form-grid">
        <SelectField label={sv.persons.role} name="role" value={role} onChange={(v) => setRole(toRole(v))} options={roleOptions(sv.persons.chooseRole)} error={roleError} autoFocus />
        <TextField label={sv.persons.whereNow} name="whereNow" value={whereNow} onChange={setWhereNow} hint={sv.persons.whereNowHint} autoComplete="off" />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary" pending={add.isPending} pendingLabel={sv.common.saving}>
          {sv.persons.addToCaseSubmit}
        </Button>
        <Button onClick={() => setPicked(null)} disabled={add.isPending}>
          {sv.common.cancel}
        </Button>
      </div>
    </form>
  );
}

export function CasePersons({ view, canEdit, municipalityName }: { view: CaseView; canEdit: boolean; municipalityName: (code: string) => string }) {
  const [revealing, setRevealing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="case-section" aria-labelledby="case-persons">
      <div className="section__header">
        <h2 className="section__title" id="case-persons">
          {sv.cases.sections.persons}
        </h2>
        {canEdit && !adding ? (
          <Button
            size="small"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            {sv.persons.addToCase}
          </Button>
        ) : null}
      </div>
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      {view.persons.length === 0 ? (
        <p className="muted">{sv.persons.noneInCase}</p>
      ) : (
        <ul className="plain-list case-persons">
          {view.persons.map((p) => (
            <li key={p.id} className={`case-person${p.isProtected ? ' case-person--protected' : ''}`}>
              <div className="case-person__head">
                <span className="case-person__role">{sv.cases.roles[p.role] ?? p.role}</span>
                {p.isProtected ? <ProtectedMarker /> : <span className="case-person__name">{p.displayName}</span>}
              </div>
              {identityLine(p) ? <p className="case-person__identity numeric">{identityLine(p)}</p> : null}
              {p.whereNow ? (
                <p className="case-person__where">
                  <span className="muted">{sv.persons.whereNow}: </span>
                  {p.whereNow}
                </p>
              ) : null}
              <div className="button-row">
                {p.isProtected ? (
                  <Button size="small" variant="danger" onClick={() => setRevealing(p.id)}>
                    {sv.persons.reveal}
                  </Button>
                ) : null}
                <Link to={`/personer/${p.id}`} className="case-person__link" aria-label={sv.persons.personPageFor(p.isProtected ? sv.persons.protectedBadge : p.displayName)}>
                  {sv.persons.personPage}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <div className="add-person-panel">
          <h3 className="add-person-panel__title">{sv.persons.addToCase}</h3>
          <AddPerson
            view={view}
            onDone={(name) => {
              setAdding(false);
              setNotice(sv.persons.added(name));
            }}
          />
          <Button variant="quiet" size="small" onClick={() => setAdding(false)}>
            {sv.common.close}
          </Button>
        </div>
      ) : null}
      {revealing ? <RevealDialog personId={revealing} onClose={() => setRevealing(null)} municipalityName={municipalityName} /> : null}
    </section>
  );
}
