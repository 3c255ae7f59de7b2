import { IdentityProviderInput as IdentityProviderInputSchema } from '@jourbok/contracts';
import { roles, type Role } from '@jourbok/domain/access/roles';
import { useRef } from 'react';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, Fieldset, SelectField, TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { emptyToNull, splitError, useDraft, useFormErrors, validate, type FieldErrors } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useSaveIdentityProvider, type IdentityProvider } from '../api.ts';

const known = ['name', 'issuer', 'clientId', 'clientSecret', 'scopes', 'roleClaim', 'municipalityClaim', 'roleMap', 'defaultMunicipalityCode', 'isActive'];

let nextKey = 1;

const blank: IdentityProvider = {
  id: '',
  name: '',
  issuer: '',
  clientId: '',
  scopes: 'openid profile email',
  roleClaim: 'roles',
  municipalityClaim: 'kommunkod',
  roleMap: {},
  defaultMunicipalityCode: null,
  isActive: true,
  version: 0,
  redirectUri: '',
};

function toDraft(p: IdentityProvider) {
  return {
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: '',
    scopes: p.scopes,
    roleClaim: p.roleClaim,
    municipalityClaim: p.municipalityClaim,
    roleMap: Object.entries(p.roleMap).map(([value, role]) => ({ key: nextKey++, value, role: (roles.find((r) => r === role) ?? 'socialsekreterare') as Role })),
    defaultMunicipalityCode: p.defaultMunicipalityCode ?? '',
    isActive: p.isActive,
  };
}

type Draft = ReturnType<typeof toDraft>;

/** Server and zod paths inside the role map (`roleMap.<claim value>`) are shown at the role map. */
function foldRoleMap(errors: FieldErrors): FieldErrors {
  const folded: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.startsWith('roleMap.') ? 'roleMap' : path;
    if (!(key in folded)) folded[key] = message;
  }
  return folded;
}

export function IdentityProviderDialog({
  provider,
  municipalities,
  onClose,
  onSaved,
}: {
  provider: IdentityProvider | null;
  municipalities: { code: string; name: string }[];
  onClose: () => void;
  onSaved: (provider: IdentityProvider) => void;
}) {
  const isNew = provider === null;
  const formRef = useRef<HTMLDivElement>(null);
  const { draft, update, discard, version } = useDraft(provider ?? blank, toDraft);
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const save = useSaveIdentityProvider();
  const server =
    isApiError(save.error) && save.error.field?.startsWith('roleMap.')
      ? { fieldErrors: { roleMap: save.error.message } as FieldErrors, banner: null }
      : splitError(save.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => update((d) => ({ ...d, [key]: value }));
  const setRow = (index: number, change: Partial<Draft['roleMap'][number]>) =>
    set(
      'roleMap',
      draft.roleMap.map((row, i) => (i === index ? { ...row, ...change } : row)),
    );

  const submit = () => {
    const local: FieldErrors = {};
    const seen = new Set<string>();
    draft.roleMap.forEach((row, index) => {
      const value = row.value.trim();
      if (!value) local[`roleMap.${index}.value`] = sv.identityProviders.emptyValue;
      else if (seen.has(value)) local[`roleMap.${index}.value`] = sv.identityProviders.duplicateValue;
      seen.add(value);
    });
    const input = {
      name: draft.name,
      issuer: draft.issuer,
      clientId: draft.clientId,
      clientSecret: draft.clientSecret,
      scopes: draft.scopes,
      roleClaim: draft.roleClaim,
      municipalityClaim: draft.municipalityClaim,
      roleMap: Object.fromEntries(draft.roleMap.map((row) => [row.value.trim(), row.role])),
      defaultMunicipalityCode: emptyToNull(draft.defaultMunicipalityCode),
      isActive: draft.isActive,
      ...(isNew ? {} : { version }),
    };
    const result = validate(IdentityProviderInputSchema, input);
    const all = { ...(result.ok ? {} : foldRoleMap(result.errors)), ...local };
    if (isNew && !draft.clientSecret) all.clientSecret = sv.identityProviders.secretRequired;
    if (!result.ok || Object.keys(all).length) {
      save.reset();
      fail(all);
      return;
    }
    clear();
    save.mutate(
      { id: provider?.id ?? null, input: result.data },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isApiError(error) && error.code === 'stale') discard();
          focusInvalid();
        },
      },
    );
  };

  return (
    <Dialog
      title={isNew ? sv.identityProviders.newTitle : sv.identityProviders.editTitle(provider.name)}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      size="wide"
      footer={
        <>
          <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={sv.common.saving}>
            {sv.common.save}
          </Button>
          <Button onClick={onClose} disabled={save.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div ref={formRef} className="stack">
        <ErrorBanner error={server.banner} />
        {provider?.redirectUri ? (
          <div className="secret">
            <span className="secret__label">{sv.identityProviders.redirectUri}</span>
            <code className="break">{provider.redirectUri}</code>
            <CopyButton text={provider.redirectUri} />
          </div>
        ) : (
          <p className="muted">{sv.identityProviders.redirectUriAfterSave}</p>
        )}
        <div className="form-grid">
          <TextField label={sv.identityProviders.name} name="name" value={draft.name} onChange={(v) => set('name', v)} error={fieldErrors.name} hint={sv.identityProviders.nameHint} />
          <TextField
            label={sv.identityProviders.issuer}
            name="issuer"
            type="url"
            value={draft.issuer}
            onChange={(v) => set('issuer', v)}
            error={fieldErrors.issuer}
            hint={sv.identityProviders.issuerHint}
            spellCheck={false}
          />
          <TextField label={sv.identityProviders.clientId} name="clientId" value={draft.clientId} onChange={(v) => set('clientId', v)} error={fieldErrors.clientId} spellCheck={false} />
          <TextField
            label={sv.identityProviders.clientSecret}
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            value={draft.clientSecret}
            onChange={(v) => set('clientSecret', v)}
            error={fieldErrors.clientSecret}
            hint={isNew ? sv.identityProviders.clientSecretNewHint : sv.identityProviders.clientSecretEditHint}
          />
          <TextField
            label={sv.identityProviders.scopes}
            name="scopes"
            value={draft.scopes}
            onChange={(v) => set('scopes', v)}
            error={fieldErrors.scopes}
            hint={sv.identityProviders.scopesHint}
            spellCheck={false}
          />
          <TextField label={sv.identityProviders.roleClaim} name="roleClaim" value={draft.roleClaim} onChange={(v) => set('roleClaim', v)} error={fieldErrors.roleClaim} spellCheck={false} />
          <TextField
            label={sv.identityProviders.municipalityClaim}
            name="municipalityClaim"
            value={draft.municipalityClaim}
            onChange={(v) => set('municipalityClaim', v)}
            error={fieldErrors.municipalityClaim}
            spellCheck={false}
          />
          <SelectField
            label={sv.identityProviders.defaultMunicipality}
            name="defaultMunicipalityCode"
            value={draft.defaultMunicipalityCode}
            onChange={(v) => set('defaultMunicipalityCode', v)}
            options={[{ value: '', label: sv.identityProviders.noDefault }, ...municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]}
            error={fieldErrors.defaultMunicipalityCode}
          />
        </div>
        <Fieldset legend={sv.identityProviders.roleMap} hint={sv.identityProviders.roleMapIntro} error={fieldErrors.roleMap}>
          <ul className="row-list">
            {draft.roleMap.map((row, index) => (
              <li key={row.key} className="row-list__row">
                <TextField
                  label={sv.identityProviders.claimValue}
                  name={`roleMap.${index}.value`}
                  value={row.value}
                  onChange={(v) => setRow(index, { value: v })}
                  error={fieldErrors[`roleMap.${index}.value`]}
                  spellCheck={false}
                />
                <SelectField
                  label={sv.identityProviders.jourbokRole}
                  name={`roleMap.${index}.role`}
                  value={row.role}
                  onChange={(v) => setRow(index, { role: roles.find((r) => r === v) ?? 'socialsekreterare' })}
                  options={roles.map((r) => ({ value: r, label: sv.roles[r] }))}
                />
                <Button
                  size="small"
                  variant="quiet"
                  className="row-list__remove"
                  aria-label={sv.identityProviders.removeMapping(index + 1)}
                  onClick={() => set('roleMap', draft.roleMap.filter((_, i) => i !== index))}
                >
                  {sv.common.remove}
                </Button>
              </li>
            ))}
          </ul>
          <Button size="small" onClick={() => set('roleMap', [...draft.roleMap, { key: nextKey++, value: '', role: 'socialsekreterare' }])}>
            {sv.identityProviders.addMapping}
          </Button>
        </Fieldset>
        <Checkbox label={sv.identityProviders.isActive} name="isActive" checked={draft.isActive} onChange={(v) => set('isActive', v)} error={fieldErrors.isActive} />
      </div>
    </Dialog>
  );
}
