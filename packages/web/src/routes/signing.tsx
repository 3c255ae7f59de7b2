// /signera#<token>: the politician's page from the e-mailed one-time link,
// outside the signed-in app. The token is in the fragment, so it never reaches
// a server log; it travels only in request bodies. The link alone says
// whether it can be used; with the code the jour reads by phone it shows the
// decision, which the politician then signs.
import { useEffect, useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Checkbox, TextField } from '../components/ui/field.tsx';
import { Loading } from '../components/ui/query-state.tsx';
import { svCollab } from '../features/collaboration/sv.ts';
import { useDecisionToSign, useSign, useSigningLink, type DecisionToSign } from '../features/signing/api.ts';
import { isApiError } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';

const t = svCollab.signing;

function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
}

function DecisionFacts({ decision }: { decision: DecisionToSign }) {
  return (
    <article className="decision" aria-labelledby="decision-to-sign">
      <h2 id="decision-to-sign">{t.decisionTitle(decision.typeName)}</h2>
      <dl className="facts facts--wide">
        <div>
          <dt>{t.municipality}</dt>
          <dd>{decision.municipalityName}</dd>
        </div>
        <div>
          <dt>{t.caseNumber}</dt>
          <dd>{decision.caseNumber}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t.legal}</dt>
          <dd>{decision.legalReference}</dd>
        </div>
        <div>
          <dt>{t.decidedAt}</dt>
          <dd>{formatDateTime(decision.decidedAt)}</dd>
        </div>
        <div>
          <dt>{t.maker}</dt>
          <dd>
            {decision.makerName}
            {decision.makerCapacity ? `, ${decision.makerCapacity}` : ''}
          </dd>
        </div>
        {decision.subject ? (
          <div>
            <dt>{t.subject}</dt>
            <dd>
              {decision.subject.displayName}
              {decision.subject.identityNumber ? ` (${decision.subject.identityNumber})` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.recordedBy}</dt>
          <dd>{decision.recordedByName}</dd>
        </div>
      </dl>
      <p className="decision__text">
        <span className="decision__label">{t.grounds}: </span>
        {decision.grounds}
      </p>
    </article>
  );
}

function SignFlow({ token }: { token: string }) {
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const show = useDecisionToSign();
  const sign = useSign();
  const decision = sign.data ?? show.data;
  const codeError = (error: unknown) => (isApiError(error) && error.field === 'code' ? error.message : undefined);

  if (!decision) {
    return (
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          show.mutate({ token, code: code.trim() });
        }}
      >
        <h2>{t.codeLegend}</h2>
        {show.error && !codeError(show.error) ? <ErrorBanner error={show.error} /> : null}
        <TextField label={t.code} name="code" value={code} onChange={setCode} hint={t.codeHint} error={codeError(show.error)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
        <div>
          <Button type="submit" variant="primary" pending={show.isPending} pendingLabel={t.showing}>
            {t.showDecision}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="stack">
      <DecisionFacts decision={decision} />
      {decision.signedAt ? (
        <Banner kind="success">{sign.data ? t.signed(formatDateTime(decision.signedAt)) : t.alreadySigned}</Banner>
      ) : (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!confirmed) return setConfirmError(t.confirmMissing);
            setConfirmError(undefined);
            sign.mutate({ token, code: code.trim() });
          }}
        >
          <ErrorBanner error={sign.error} />
          <Checkbox label={t.confirm} name="confirm" checked={confirmed} onChange={setConfirmed} error={confirmError} />
          <div>
            <Button type="submit" variant="primary" pending={sign.isPending} pendingLabel={t.signing}>
              {t.sign}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

export function SigningPage() {
  const [token, setToken] = useState(tokenFromHash);
  const link = useSigningLink(token);
  useEffect(() => {
    document.title = `${t.title} – Jourbok`;
    const onHash = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  let body;
  if (!token) body = <Banner kind="error" title={t.unusable}>{t.noToken}</Banner>;
  else if (link.isPending) body = <Loading label={t.checking} />;
  else if (link.isError) body = <ErrorBanner error={link.error} />;
  else if (link.data.status === 'signed') body = <Banner kind="info" title={t.usedTitle}>{t.used}</Banner>;
  else if (link.data.status === 'pending') {
    body = (
      <>
        <p>{t.lead}</p>
        <p className="muted">{t.from(link.data.organisationName, formatDateTime(link.data.expiresAt))}</p>
        <SignFlow token={token} />
      </>
    );
  } else body = <Banner kind="error" title={t.unusable}>{t.status[link.data.status] ?? t.status.cancelled}</Banner>;

  return (
    <div className="public-page">
      <main className="public-page__card stack" id="main">
        <header className="login__header">
          <span className="brand__mark brand__mark--large" aria-hidden="true">
            J
          </span>
          <h1 className="login__title">{t.title}</h1>
        </header>
        {body}
      </main>
    </div>
  );
}
