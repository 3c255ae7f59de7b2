import { TotpRequest } from '@jourbok/contracts';
import { useRef, type FormEvent, type ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';

/** A six-digit code from the authenticator app (second step and enrolment). */
export function CodeForm({
  code,
  onCode,
  mutation,
  submitLabel,
  children,
}: {
  code: string;
  onCode: (code: string) => void;
  mutation: UseMutationResult<unknown, Error, string>;
  submitLabel: string;
  children?: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const server = splitError(mutation.error, ['code']);
  const fieldErrors = { ...server.fieldErrors, ...errors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(TotpRequest, { code: code.replace(/\s+/g, '') });
    if (!result.ok) {
      mutation.reset();
      fail(result.errors);
      return;
    }
    clear();
    mutation.mutate(result.data.code, {
      onError: () => {
        onCode('');
        focusInvalid();
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="stack">
      <ErrorBanner error={server.banner} />
      {children}
      <TextField
        label={sv.login.code}
        name="code"
        value={code}
        onChange={onCode}
        error={fieldErrors.code}
        hint={sv.login.codeHint}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="field--code"
        autoFocus
      />
      <Button type="submit" variant="primary" pending={mutation.isPending} pendingLabel={sv.login.verifying} className="button--block">
        {submitLabel}
      </Button>
    </form>
  );
}
