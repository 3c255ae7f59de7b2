import { LoginRequest } from '@jourbok/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useLogin } from '../api.ts';

/** First step: username and password. */
export function PasswordStep({ onUsername }: { onUsername: (username: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const login = useLogin();
  const server = splitError(login.error, ['username', 'password']);
  const fieldErrors = { ...server.fieldErrors, ...errors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(LoginRequest, { username, password });
    if (!result.ok) {
      login.reset();
      fail(result.errors);
      return;
    }
    clear();
    onUsername(result.data.username);
    login.mutate(result.data, {
      onError: () => {
        setPassword('');
        focusInvalid();
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="stack" aria-label={sv.login.submit}>
      <ErrorBanner error={server.banner} />
      <TextField
        label={sv.login.username}
        name="username"
        value={username}
        onChange={setUsername}
        error={fieldErrors.username}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
      />
      <TextField label={sv.login.password} name="password" type="password" value={password} onChange={setPassword} error={fieldErrors.password} autoComplete="current-password" />
      <Button type="submit" variant="primary" pending={login.isPending} pendingLabel={sv.login.submitting} className="button--block">
        {sv.login.submit}
      </Button>
    </form>
  );
}
