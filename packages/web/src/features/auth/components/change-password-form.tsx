import { ChangePasswordRequest } from '@jourbok/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useChangePassword } from '../api.ts';

/** Change my password (also forced after a one-time password). */
export function ChangePasswordForm({ onDone, username }: { onDone: () => void; username?: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const change = useChangePassword();
  const server = splitError(change.error, ['currentPassword', 'newPassword']);
  const fieldErrors = { ...server.fieldErrors, ...errors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(ChangePasswordRequest, { currentPassword, newPassword });
    const local = result.ok ? {} : { ...result.errors };
    if (!local.newPassword && newPassword !== repeat) Object.assign(local, { repeat: sv.password.mismatch });
    if (!result.ok || Object.keys(local).length) {
      change.reset();
      fail(local);
      return;
    }
    clear();
    change.mutate(result.data, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setRepeat('');
        onDone();
      },
      onError: focusInvalid,
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="stack form--narrow">
      <ErrorBanner error={server.banner} />
      {/* Lets password managers store the new password for the right account. */}
      {username ? <input type="text" name="username" autoComplete="username" value={username} readOnly hidden /> : null}
      <TextField
        label={sv.password.current}
        name="currentPassword"
        type="password"
        value={currentPassword}
        onChange={setCurrent}
        error={fieldErrors.currentPassword}
        autoComplete="current-password"
      />
      <TextField
        label={sv.password.next}
        name="newPassword"
        type="password"
        value={newPassword}
        onChange={setNext}
        error={fieldErrors.newPassword}
        hint={sv.password.hint}
        autoComplete="new-password"
      />
      <TextField label={sv.password.repeat} name="repeat" type="password" value={repeat} onChange={setRepeat} error={fieldErrors.repeat} autoComplete="new-password" />
      <Button type="submit" variant="primary" pending={change.isPending} pendingLabel={sv.password.submitting}>
        {sv.password.submit}
      </Button>
    </form>
  );
}
