// /logga-in: username and password → second factor (code, or enrolment with a QR code)
// → a new password when the current one is temporary → the page the user wanted.
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Banner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { safeTarget } from '../app/paths.ts';
import { useLogout } from '../features/auth/api.ts';
import { ChangePasswordForm } from '../features/auth/components/change-password-form.tsx';
import { EnrollStep } from '../features/auth/components/enroll-step.tsx';
import { PasswordStep } from '../features/auth/components/password-step.tsx';
import { TotpStep } from '../features/auth/components/totp-step.tsx';
import { useSession } from '../features/session/api.ts';
import { sv } from '../lib/sv.ts';

function SsoButtons({ providers }: { providers: { id: string; name: string }[] }) {
  if (providers.length === 0) return null;
  return (
    <div className="sso">
      <p className="sso__divider">
        <span>{sv.login.or}</span>
      </p>
      <ul className="sso__list">
        {providers.map((provider) => (
          <li key={provider.id}>
            {/* A plain link: the sign-in leaves the app and comes back through the server. */}
            <a className="button button--secondary button--block" href={`/api/auth/oidc/${encodeURIComponent(provider.id)}/start`}>
              {sv.login.sso(provider.name)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const target = safeTarget(params.get('till'));
  const [username, setUsername] = useState<string | null>(null);
  const logout = useLogout();
  const signedOut = (location.state as { signedOut?: 'user' | 'idle' } | null)?.signedOut;

  useEffect(() => {
    document.title = sv.login.title;
  }, []);

  if (session.stage === 'full' && session.user && !session.user.mustChangePassword) return <Navigate to={target} replace />;

  const step = session.stage === 'anonymous' ? 'password' : session.stage === 'totp' ? 'totp' : session.stage === 'enroll' ? 'enroll' : 'change';

  return (
    <div className="login">
      <main className="login__card" id="main">
        <header className="login__header">
          <span className="brand__mark brand__mark--large" aria-hidden="true">
            J
          </span>
          <div>
            <h1 className="login__title">{sv.login.title}</h1>
            {session.organisation ? <p className="login__organisation">{session.organisation.name}</p> : null}
          </div>
        </header>

        {step === 'password' && params.get('sso') === 'fel' ? <Banner kind="error">{sv.login.ssoFailed}</Banner> : null}
        {step === 'password' && signedOut ? <Banner kind="info">{signedOut === 'idle' ? sv.idle.loggedOut : sv.login.signedOut}</Banner> : null}

        {step === 'password' ? (
          <>
            <PasswordStep onUsername={setUsername} />
            <SsoButtons providers={session.identityProviders} />
            {session.demo ? <p className="login__demo muted">{sv.login.demoAccounts}</p> : null}
          </>
        ) : null}
        {step === 'totp' ? <TotpStep username={username} demo={session.demo} /> : null}
        {step === 'enroll' ? <EnrollStep /> : null}
        {step === 'change' ? (
          <>
            <h2 className="login__step-title">{sv.login.changeHeading}</h2>
            <p>{sv.login.changeIntro}</p>
            <ChangePasswordForm onDone={() => undefined} username={session.user?.username} />
          </>
        ) : null}

        {step !== 'password' ? (
          <p className="login__restart">
            <Button variant="quiet" size="small" onClick={() => logout.mutate(undefined)} pending={logout.isPending}>
              {sv.login.startOver}
            </Button>
          </p>
        ) : null}
      </main>
    </div>
  );
}
