// /byt-losenord: change my password (forced while the password is temporary).
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Banner } from '../components/ui/banner.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { safeTarget } from '../app/paths.ts';
import { ChangePasswordForm } from '../features/auth/components/change-password-form.tsx';
import { useUser } from '../features/session/api.ts';
import { sv } from '../lib/sv.ts';

export function ChangePasswordPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const forced = user.mustChangePassword;
  return (
    <>
      <PageHeader title={sv.password.title} lead={forced ? sv.login.changeIntro : undefined} />
      {done ? <Banner kind="success">{sv.password.done}</Banner> : null}
      <ChangePasswordForm
        username={user.username}
        onDone={() => {
          if (forced) void navigate(safeTarget(params.get('till')), { replace: true });
          else setDone(true);
        }}
      />
    </>
  );
}
