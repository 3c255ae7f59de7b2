// /anvandare: the organisation's accounts; administrators create, change, unlock and reset.
import { useMemo, useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { useCan } from '../features/session/api.ts';
import { useUserAction, useUsers, type User, type UserAction } from '../features/users/api.ts';
import { OneTimePasswordDialog } from '../features/users/components/one-time-password.tsx';
import { UserDialog } from '../features/users/components/user-dialog.tsx';
import { UsersTable } from '../features/users/components/users-table.tsx';
import { roleLabel, sv } from '../lib/sv.ts';

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; userId: string }
  | { kind: 'confirm'; user: User; action: UserAction }
  | { kind: 'password'; name: string; password: string }
  | null;

const confirmTexts: Record<UserAction, { label: string; text: (name: string) => string; danger: boolean }> = {
  unlock: { label: sv.users.unlock, text: sv.users.confirmUnlock, danger: false },
  'reset-password': { label: sv.users.resetPassword, text: sv.users.confirmResetPassword, danger: true },
  'reset-totp': { label: sv.users.resetTotp, text: sv.users.confirmResetTotp, danger: true },
};

export function UsersPage() {
  const can = useCan();
  const canManage = can('users.manage');
  const users = useUsers();
  const organisation = useOrganisation(can('organisation.read'));
  const action = useUserAction();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  const municipalities = useMemo(() => (organisation.data?.municipalities ?? []).filter((m) => m.isMember), [organisation.data]);
  const municipalityName = (code: string) => organisation.data?.municipalities.find((m) => m.code === code)?.name ?? code;
  const openDialog = (next: Open) => {
    setNotice(null);
    action.reset();
    setOpen(next);
  };

  const runAction = (user: User, kind: UserAction) => {
    action.mutate(
      { id: user.id, action: kind },
      {
        onSuccess: (result) => {
          if ('initialPassword' in result) setOpen({ kind: 'password', name: user.displayName, password: result.initialPassword });
          else {
            setOpen(null);
            setNotice(kind === 'unlock' ? sv.users.unlocked(user.displayName) : sv.users.totpReset(user.displayName));
          }
        },
      },
    );
  };

  const editing = open?.kind === 'edit' ? users.data?.find((u) => u.id === open.userId) : undefined;

  return (
    <>
      <PageHeader
        title={sv.users.title}
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => openDialog({ kind: 'create' })}>
              {sv.users.create}
            </Button>
          ) : null
        }
      />
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      <QueryState query={users}>
        {(list) => {
          const needle = filter.trim().toLocaleLowerCase('sv');
          const shown = needle
            ? list.filter((u) => [u.displayName, u.username, roleLabel(u.role), u.email ?? ''].some((text) => text.toLocaleLowerCase('sv').includes(needle)))
            : list;
          return (
            <>
              <div className="toolbar">
                <TextField label={sv.users.filter} name="filter" type="search" value={filter} onChange={setFilter} hint={sv.users.filterHint} autoComplete="off" />
                <p className="toolbar__count" role="status">
                  {sv.users.count(shown.length, list.length)}
                </p>
              </div>
              <UsersTable
                users={shown}
                municipalityName={municipalityName}
                canManage={canManage}
                onEdit={(user) => openDialog({ kind: 'edit', userId: user.id })}
                onAction={(user, kind) => openDialog({ kind: 'confirm', user, action: kind })}
              />
            </>
          );
        }}
      </QueryState>

      {open?.kind === 'create' || (open?.kind === 'edit' && editing) ? (
        <UserDialog
          user={open.kind === 'edit' ? (editing ?? null) : null}
          municipalities={municipalities}
          onClose={() => setOpen(null)}
          onCreated={(user, password) => {
            setNotice(sv.users.createdFor(user.displayName));
            setOpen({ kind: 'password', name: user.displayName, password });
          }}
          onSaved={(user) => {
            setOpen(null);
            setNotice(sv.common.savedItem(user.displayName));
          }}
        />
      ) : null}

      {open?.kind === 'confirm' ? (
        <ConfirmDialog
          title={confirmTexts[open.action].label}
          confirmLabel={confirmTexts[open.action].label}
          danger={confirmTexts[open.action].danger}
          onConfirm={() => runAction(open.user, open.action)}
          onClose={() => setOpen(null)}
          pending={action.isPending}
          error={<ErrorBanner error={action.error} />}
        >
          {confirmTexts[open.action].text(open.user.displayName)}
        </ConfirmDialog>
      ) : null}

      {open?.kind === 'password' ? <OneTimePasswordDialog name={open.name} password={open.password} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
