import { useState } from 'react';
import { sv } from '../../../lib/sv.ts';
import { useVerifyTotp } from '../api.ts';
import { CodeForm } from './code-form.tsx';
import { DemoCode } from './demo-code.tsx';

/** Second step: the code from the authenticator app. */
export function TotpStep({ username, demo }: { username: string | null; demo: boolean }) {
  const [code, setCode] = useState('');
  const verify = useVerifyTotp();
  return (
    <>
      <h2 className="login__step-title">{sv.login.totpHeading}</h2>
      <p>{sv.login.totpIntro}</p>
      {demo && username?.toLowerCase().startsWith('demo.') ? <DemoCode username={username} onFill={setCode} /> : null}
      <CodeForm code={code} onCode={setCode} mutation={verify} submitLabel={sv.login.verify} />
    </>
  );
}
