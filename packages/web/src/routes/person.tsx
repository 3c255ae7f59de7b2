// /personer/:id: a person's earlier cases first (what the jour needs at once),
// then the details; a protected person's details only after a reasoned reveal.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Banner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { usePerson, type PersonDetails } from '../features/persons/api.ts';
import { PersonFacts } from '../features/persons/components/person-facts.tsx';
import { ProtectedMarker } from '../features/persons/components/protected-marker.tsx';
import { RevealDialog } from '../features/persons/components/reveal-dialog.tsx';
import { formatDateTime } from '../lib/format.ts';
import { sv } from '../lib/sv.ts';

function PersonView({ person }: { person: PersonDetails }) {
  const organisation = useOrganisation();
  const [revealing, setRevealing] = useState(false);
  const isProtected = person.protection !== 'none' || person.hiddenResidence;
  const categoryName = (code: string) => organisation.data?.categories.find((c) => c.code === code)?.name ?? code;
  const municipalityName = (code: string) => organisation.data?.municipalities.find((m) => m.code === code)?.name ?? sv.cases.otherMunicipalityCode(code);
  const cases = [...person.earlierCases].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return (
    <>
      <PageHeader title={person.displayName} lead={isProtected ? <ProtectedMarker protection={person.protection} /> : undefined} />
      {isProtected ? (
        <Banner
          kind="warning"
          title={sv.persons.protectedBadge}
          actions={
            <Button variant="danger" onClick={() => setRevealing(true)}>
              {sv.persons.reveal}
            </Button>
          }
        >
          {sv.persons.protectedBanner}
          {person.hiddenResidence ? <span className="block">{sv.persons.hiddenResidence}</span> : null}
        </Banner>
      ) : null}
      <Section title={sv.persons.earlierCases} id="earlier-cases">
        {cases.length === 0 ? (
          <p className="muted">{sv.persons.noEarlierCases}</p>
        ) : (
          <Table caption={sv.persons.earlierCasesCaption} captionHidden>
            <thead>
              <tr>
                <th scope="col">{sv.persons.columns.caseNumber}</th>
                <th scope="col">{sv.persons.columns.receivedAt}</th>
                <th scope="col">{sv.persons.columns.category}</th>
                <th scope="col">{sv.persons.columns.municipality}</th>
                <th scope="col">{sv.persons.columns.role}</th>
                <th scope="col">{sv.persons.columns.status}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/arenden/${c.id}`}>{c.caseNumber}</Link>
                  </th>
                  <td className="nowrap">{formatDateTime(c.receivedAt)}</td>
                  <td>{categoryName(c.categoryCode)}</td>
                  <td>{municipalityName(c.municipalityCode)}</td>
                  <td>{sv.cases.roles[c.role] ?? c.role}</td>
                  <td>{sv.cases.status[c.status] ?? c.status}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      <Section title={sv.persons.details} id="person-details">
        {person.isRevealed ? <PersonFacts person={person} municipalityName={municipalityName} /> : <p className="muted">{sv.persons.hiddenDetails}</p>}
      </Section>
      {revealing ? <RevealDialog personId={person.id} onClose={() => setRevealing(false)} municipalityName={municipalityName} /> : null}
    </>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const query = usePerson(id);
  return <QueryState query={query}>{(person) => <PersonView key={person.id} person={person} />}</QueryState>;
}
