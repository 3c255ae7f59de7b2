// /telefonikopplingar: the administrator's telephony systems, each with its
// own token to post call events. The token is shown once.
import { useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { CopyButton } from '../components/ui/copy-button.tsx';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useCreateTelephonySystem, useRevokeTelephonySystem, useTelephonySystems, type TelephonySystem } from '../features/quality/api.ts';
import { svQuality } from '../features/quality/sv.ts';
import { formatDateTime } from '../lib/format.ts';
import { splitError } from '../lib/form.ts';

const t = svQuality.telephony;

export function TelephonyPage() {
  const systems = useTelephonySystems();
  const create = useCreateTelephonySystem();
  const revoke = useRevokeTelephonySystem();
  const [name, setName] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TelephonySystem | null>(null);
  const server = splitError(create.error, ['name']);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <Card title={t.add}>
        <form
          className="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(name, {
              onSuccess: (created) => {
                setToken(created.token);
                setName('');
              },
            });
          }}
        >
          <TextField label={t.name} name="name" value={name} onChange={setName} error={server.fieldErrors.name} />
          <Button type="submit" variant="primary" pending={create.isPending}>
            {t.add}
          </Button>
        </form>
        <ErrorBanner error={server.banner} />
        {token ? (
          <Banner kind="warning" title={t.created} actions={<CopyButton text={token} />}>
            <code className="token" data-testid="new-token">
              {token}
            </code>
            <p>{t.endpoint}</p>
          </Banner>
        ) : null}
      </Card>
      <ErrorBanner error={revoke.error} />
      <QueryState query={systems}>
        {({ systems: list }) =>
          list.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <Table caption={t.title} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.hint}</th>
                  <th scope="col">{t.createdAt}</th>
                  <th scope="col">{t.lastUsed}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>
                      <code>{s.tokenHint}</code>
                    </td>
                    <td>
                      {formatDateTime(s.createdAt)} ({s.createdByName})
                    </td>
                    <td>{s.lastUsedAt ? formatDateTime(s.lastUsedAt) : t.never}</td>
                    <td>{s.revokedAt ? t.revoked(s.revokedByName ?? '', formatDateTime(s.revokedAt)) : t.active}</td>
                    <td>
                      {s.revokedAt ? null : (
                        <Button size="small" variant="danger" onClick={() => setRevoking(s)}>
                          {t.revoke}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {revoking ? (
        <ConfirmDialog
          title={t.revoke}
          confirmLabel={t.revoke}
          danger
          pending={revoke.isPending}
          onClose={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
        >
          {t.confirmRevoke(revoking.name)}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
