// The persons of a new case: each with a role and where the person is now.
import { Button } from '../../../components/ui/button.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { sv } from '../../../lib/sv.ts';
import { identityLine, type PickedPerson } from '../../persons/components/person-picker.tsx';
import { ProtectedMarker } from '../../persons/components/protected-marker.tsx';

export const CASE_ROLES = ['child', 'guardian', 'adult', 'reporter', 'relative', 'other'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export interface PersonRow {
  person: PickedPerson;
  role: CaseRole | '';
  whereNow: string;
}

/** A child when under 18, an adult from 18; unknown age: the user chooses. */
export function defaultRole(person: PickedPerson): CaseRole | '' {
  if (person.age !== null) return person.age < 18 ? 'child' : 'adult';
  return '';
}

export const roleOptions = (placeholder: string) => [{ value: '', label: placeholder }, ...CASE_ROLES.map((r) => ({ value: r, label: sv.cases.roles[r] ?? r }))];

export const toRole = (value: string): CaseRole | '' => CASE_ROLES.find((r) => r === value) ?? '';

export function CasePersonsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: PersonRow[];
  onChange: (rows: PersonRow[]) => void;
  errors: Record<string, string>;
}) {
  if (rows.length === 0) return <p className="muted">{sv.persons.noneChosen}</p>;
  const update = (index: number, change: Partial<PersonRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <ul className="chosen-persons" aria-label={sv.persons.chosen}>
      {rows.map((row, index) => (
        <li key={row.person.id} className="chosen-person">
          <div className="chosen-person__who">
            <span className="chosen-person__name">{row.person.displayName}</span>
            {row.person.isProtected ? <ProtectedMarker protection={row.person.protection} /> : null}
            <span className="muted numeric">{identityLine(row.person)}</span>
          </div>
          <SelectField
            label={sv.persons.role}
            aria-label={sv.persons.roleFor(row.person.displayName)}
            name={`role-${index}`}
            value={row.role}
            onChange={(v) => update(index, { role: toRole(v) })}
            options={roleOptions(sv.persons.chooseRole)}
            error={errors[`persons.${index}.role`]}
          />
          <TextField
            label={sv.persons.whereNow}
            aria-label={sv.persons.whereNowFor(row.person.displayName)}
            name={`whereNow-${index}`}
            value={row.whereNow}
            onChange={(v) => update(index, { whereNow: v })}
            error={errors[`persons.${index}.whereNow`]}
            hint={index === 0 ? sv.persons.whereNowHint : undefined}
            autoComplete="off"
          />
          <Button size="small" variant="quiet" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={sv.persons.remove(row.person.displayName)}>
            {sv.persons.removeShort}
          </Button>
        </li>
      ))}
    </ul>
  );
}
