import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { roleLabel, sv } from '../../../lib/sv.ts';
import type { User, UserAction } from '../api.ts';

export function userStatus(user: User): 'locked' | 'inactive' | 'active' {
  if (user.isLocked) return 'locked';
  return user.isActive ? 'active' : 'inactive';
}

const statusTone = { active: 'success', inactive: 'neutral', locked: 'danger' } as const;

export function UsersTable({
  users,
  municipalityName,
  canManage,
  onEdit,
  onAction,
}: {
  users: User[];
  municipalityName: (code: string) => string;
  canManage: boolean;
  onEdit: (user: User) => void;
  onAction: (user: User, action: UserAction) => void;
}) {
  return (
    <Table caption={sv.users.title} captionHidden>
      <thead>
        <tr>
          <th scope="col">{sv.users.name}</th>
          <th scope="col">{sv.users.username}</th>
          <th scope="col">{sv.users.role}</th>
          <th scope="col">{sv.users.municipality}</th>
          <th scope="col">{sv.users.status}</th>
          <th scope="col">{sv.users.totp}</th>
          <th scope="col">
            <abbr title={sv.users.ssoLong}>{sv.users.sso}</abbr>
          </th>
          <th scope="col">{sv.users.lastLogin}</th>
          {canManage ? <th scope="col">{sv.users.actions}</th> : null}
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const status = userStatus(user);
          return (
            <tr key={user.id} className={status === 'inactive' ? 'row--inactive' : undefined}>
              <th scope="row">{user.displayName}</th>
              <td>
                <code>{user.username}</code>
              </td>
              <td>{roleLabel(user.role)}</td>
              <td>{user.municipalityCode ? municipalityName(user.municipalityCode) : sv.common.none}</td>
              <td>
                <Badge tone={statusTone[status]}>{sv.users.statusLabels[status]}</Badge>
              </td>
              <td>{user.hasTotp ? sv.common.yes : sv.common.no}</td>
              <td>{user.isSso ? sv.common.yes : sv.common.no}</td>
              <td className="numeric">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : sv.users.never}</td>
              {canManage ? (
                <td className="table__actions table__actions--many">
                  <div className="button-row" role="group" aria-label={sv.users.actionsFor(user.displayName)}>
                    <Button size="small" onClick={() => onEdit(user)} aria-label={sv.users.editTitle(user.displayName)}>
                      {sv.common.edit}
                    </Button>
                    {user.isLocked ? (
                      <Button size="small" onClick={() => onAction(user, 'unlock')}>
                        {sv.users.unlock}
                      </Button>
                    ) : null}
                    {!user.isSso ? (
                      <Button size="small" onClick={() => onAction(user, 'reset-password')}>
                        {sv.users.resetPassword}
                      </Button>
                    ) : null}
                    {user.hasTotp ? (
                      <Button size="small" onClick={() => onAction(user, 'reset-totp')}>
                        {sv.users.resetTotp}
                      </Button>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
