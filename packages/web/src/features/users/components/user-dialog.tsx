import { UserCreate as UserCreateSchema, UserUpdate as UserUpdateSchema } from '@jourbok/contracts';
import { roles, type Role } from '@jourbok/domain/access/roles';
import { useRef } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, SelectField, TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { emptyToNull, splitError, useDraft, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useCreateUser, useUpdateUser, type User } from '../api.ts';

const known = ['username', 'displayName', 'email', 'role', 'municipalityCode', 'isActive'];

interface MunicipalityOption {
  code: string;
  name: string;
}

const blankUser: User = {
  id: '',
  username: '',
  displayName: '',
  email: null,
  role: 'socialsekreterare',
  municipalityCode: null,
  isActive: true,
  isLocked: false,
  hasTotp: false,
  isSso: false,
  lastLoginAt: null,
  version: 0,
};

/** Create a user (then show the one-time password) or change one. */
export function UserDialog({
  user,
  municipalities,
  onClose,
  onCreated,
  onSaved,
}: {
  /** null: a new user */
  user: User | null;
  municipalities: MunicipalityOption[];
  onClose: () => void;
  onCreated: (user: User, initialPassword: string) => void;
  onSaved: (user: User) => void;
}) {
  const isNew = user === null;
  const formRef = useRef<HTMLDivElement>(null);
  const { draft, update, discard, version } = useDraft(user ?? blankUser, (u) => ({
    username: u.username,
    displayName: u.displayName,
    email: u.email ?? '',
    role: u.role as Role,
    municipalityCode: u.municipalityCode ?? '',
    isActive: u.isActive,
  }));
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const create = useCreateUser();
  const change = useUpdateUser();
  const mutation = isNew ? create : change;
  const server = splitError(mutation.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => update((d) => ({ ...d, [key]: value }));
  const isKommun = draft.role === 'kommun';

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'stale') discard();
    focusInvalid();
  };

  const submit = () => {
    const common = {
      displayName: draft.displayName,
      email: emptyToNull(draft.email),
      role: draft.role,
      municipalityCode: isKommun ? emptyToNull(draft.municipalityCode) : null,
    };
    if (isKommun && !common.municipalityCode) {
      mutation.reset();
      fail({ municipalityCode: sv.users.municipalityRequired });
      return;
    }
    if (isNew) {
      const result = validate(UserCreateSchema, { ...common, username: draft.username });
      if (!result.ok) {
        create.reset();
        fail(result.errors);
        return;
      }
      clear();
      create.mutate(result.data, { onSuccess: (created) => onCreated(created.user, created.initialPassword), onError });
    } else {
      const result = validate(UserUpdateSchema, { ...common, isActive: draft.isActive, version });
      if (!result.ok) {
        change.reset();
        fail(result.errors);
        return;
      }
      clear();
      change.mutate({ id: user.id, input: result.data }, { onSuccess: onSaved, onError });
    }
  };

  return (
    <Dialog
      title={isNew ? sv.users.createTitle : sv.users.editTitle(user.displayName)}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      footer={
        <>
          <Button type="submit" variant="primary" pending={mutation.isPending} pendingLabel={isNew ? sv.users.creating : sv.common.saving}>
            {isNew ? sv.users.createSubmit : sv.common.save}
          </Button>
          <Button onClick={onClose} disabled={mutation.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div ref={formRef} className="stack">
        <ErrorBanner error={server.banner} />
        <TextField label={sv.users.name} name="displayName" value={draft.displayName} onChange={(v) => set('displayName', v)} error={fieldErrors.displayName} autoComplete="off" />
        <TextField
          label={sv.users.username}
          name="username"
          value={draft.username}
          onChange={(v) => set('username', v)}
          error={fieldErrors.username}
          disabled={!isNew}
          hint={isNew ? sv.users.usernameHint : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField label={sv.users.email} name="email" type="email" value={draft.email} onChange={(v) => set('email', v)} error={fieldErrors.email} autoComplete="off" />
        <SelectField
          label={sv.users.role}
          name="role"
          value={draft.role}
          onChange={(v) => set('role', roles.find((r) => r === v) ?? 'socialsekreterare')}
          options={roles.map((r) => ({ value: r, label: sv.roles[r] }))}
          error={fieldErrors.role}
        />
        <SelectField
          label={sv.users.municipality}
          name="municipalityCode"
          value={isKommun ? draft.municipalityCode : ''}
          onChange={(v) => set('municipalityCode', v)}
          options={[{ value: '', label: isKommun ? sv.users.chooseMunicipality : sv.users.noMunicipality }, ...municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]}
          error={fieldErrors.municipalityCode}
          hint={sv.users.municipalityHint}
          disabled={!isKommun}
        />
        {!isNew ? <Checkbox label={sv.users.isActive} name="isActive" checked={draft.isActive} onChange={(v) => set('isActive', v)} error={fieldErrors.isActive} /> : null}
      </div>
    </Dialog>
  );
}
