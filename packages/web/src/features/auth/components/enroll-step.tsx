import { useState } from 'react';
import { Loading } from '../../../components/ui/query-state.tsx';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { sv } from '../../../lib/sv.ts';
import { useCompleteEnrollment, useTotpEnrollment } from '../api.ts';
import { CodeForm } from './code-form.tsx';

/** Enrolment: scan the QR code (or type the key), then confirm with a first code. */
export function EnrollStep() {
  const [code, setCode] = useState('');
  const enrollment = useTotpEnrollment(true);
  const complete = useCompleteEnrollment();
  return (
    <>
      <h2 className="login__step-title">{sv.login.enrollHeading}</h2>
      <p>{sv.login.enrollIntro}</p>
      {enrollment.data ? (
        <div className="enroll">
          <img className="enroll__qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(enrollment.data.qrSvg)}`} alt={sv.login.qrAlt} width={200} height={200} />
          <p className="enroll__secret-label">{sv.login.secretLabel}</p>
          <code className="enroll__secret">{enrollment.data.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </div>
      ) : enrollment.isError ? (
        <ErrorBanner error={enrollment.error} />
      ) : (
        <Loading />
      )}
      <CodeForm code={code} onCode={setCode} mutation={complete} submitLabel={sv.login.enrollSubmit} />
    </>
  );
}
