// /registerutdrag: everything Jourbok holds about a person, as PDF and JSON.
// The personnummer is sent in the POST body, never in the address.
import { useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { subjectAccessUrl, useSubjectAccess } from '../features/privacy/api.ts';
import { svPrivacy } from '../features/privacy/sv.ts';
import { isApiError } from '../lib/api.ts';

const t = svPrivacy.subjectAccess;

interface ExtractSummary {
  person: { firstName: string; lastName: string };
  cases: unknown[];
  notices: unknown[];
  assignments: unknown[];
  accessLog: unknown[];
  withheld: string[];
}

export function SubjectAccessPage() {
  const [number, setNumber] = useState('');
  const produce = useSubjectAccess();
  const fieldError = isApiError(produce.error) && produce.error.field === 'identityNumber' ? produce.error.message : undefined;
  const result = produce.data;
  const extract = result?.extract as ExtractSummary | null | undefined;
  return (
    <>
      <PageHeader title={t.title} lead={t.intro} />
      <Card>
        <form
          className="stack"
          noValidate
          autoComplete="off"
          onSubmit={(event) => {
            event.preventDefault();
            produce.mutate(number);
          }}
        >
          {produce.error && !fieldError ? <ErrorBanner error={produce.error} /> : null}
          <TextField label={t.number} name="identityNumber" hint={t.numberHint} value={number} onChange={setNumber} error={fieldError} inputMode="numeric" />
          <div>
            <Button type="submit" variant="primary" pending={produce.isPending} pendingLabel={t.producing}>
              {t.produce}
            </Button>
          </div>
        </form>
      </Card>
      {result && !result.found ? <Banner kind="info">{t.notFound}</Banner> : null}
      {result && extract ? (
        <Card title={t.found(`${extract.person.firstName} ${extract.person.lastName}`.trim())}>
          <Banner kind="warning">{t.secrecy}</Banner>
          <ul>
            <li>{t.cases(extract.cases.length)}</li>
            <li>{t.notices(extract.notices.length)}</li>
            <li>{t.assignments(extract.assignments.length)}</li>
            <li>{t.access(extract.accessLog.length)}</li>
          </ul>
          {extract.withheld.length > 0 ? (
            <>
              <h3>{t.withheld}</h3>
              <ul>
                {extract.withheld.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="button-row">
            <a className="button button--primary" href={subjectAccessUrl(result.requestId, 'pdf')} download>
              {t.pdf}
            </a>{' '}
            <a className="button button--secondary" href={subjectAccessUrl(result.requestId, 'json')} download>
              {t.json}
            </a>
          </p>
          <p className="muted">{t.downloadsValid}</p>
        </Card>
      ) : null}
    </>
  );
}
