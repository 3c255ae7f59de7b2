import { sv } from '../../../lib/sv.ts';
import type { PersonDetails } from '../api.ts';

/** A person's details as a list of facts (only what is known). */
export function PersonFacts({ person, municipalityName }: { person: PersonDetails; municipalityName: (code: string) => string }) {
  const rows: [string, string][] = [];
  if (person.identityNumber) rows.push([sv.persons.identityKinds[person.identityKind] ?? sv.persons.identityNumber, person.identityNumber]);
  else rows.push([sv.persons.identityKind, sv.persons.identityKinds[person.identityKind] ?? person.identityKind]);
  if (person.reserveIssuer) rows.push([sv.persons.reserveIssuer, person.reserveIssuer]);
  if (person.birthDate) rows.push([sv.persons.born, person.birthDate]);
  else if (person.birthYearApprox) rows.push([sv.persons.born, sv.persons.bornYear(person.birthYearApprox)]);
  if (person.age !== null) rows.push([sv.persons.ageLabel, sv.persons.age(person.age)]);
  if (person.sex) rows.push([sv.persons.sexLabel, sv.persons.sex[person.sex] ?? person.sex]);
  if (person.homeMunicipalityCode) rows.push([sv.persons.homeMunicipality, municipalityName(person.homeMunicipalityCode)]);
  if (person.address) rows.push([sv.persons.address, person.address]);
  if (person.phone) rows.push([sv.persons.phone, person.phone]);
  if (person.email) rows.push([sv.persons.email, person.email]);
  if (person.protection !== 'none') rows.push([sv.persons.protectionLabel, sv.persons.protection[person.protection] ?? person.protection]);
  if (person.hiddenResidence) rows.push([sv.persons.protectionLabel, sv.persons.hiddenResidence]);
  return (
    <dl className="facts facts--wide">
      {rows.map(([label, value], index) => (
        <div key={`${label}-${index}`}>
          <dt>{label}</dt>
          <dd className="break">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
