// /inloggningstjanster: single sign-on providers (OpenID Connect).
import { useState } from 'react';
import { Badge } from '../components/ui/badge.tsx';
import { Banner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useIdentityProviders } from '../features/identity-providers/api.ts';
import { IdentityProviderDialog } from '../features/identity-providers/components/identity-provider-dialog.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { useCan } from '../features/session/api.ts';
import { roleLabel, sv } from '../lib/sv.ts';

export function IdentityProvidersPage() {
  const can = useCan();
  const providers = useIdentityProviders();
  const organisation = useOrganisation(can('organisation.read'));
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const municipalities = (organisation.data?.municipalities ?? []).filter((m) => m.isMember);
  const municipalityName = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;
  const provider = editing?.id ? providers.data?.find((p) => p.id === editing.id) : undefined;

  return (
    <>
      <PageHeader
        title={sv.identityProviders.title}
        lead={sv.identityProviders.intro}
        actions={
          <Button
            variant="primary"
            onClick={() => {
              setNotice(null);
              setEditing({ id: null });
            }}
          >
            {sv.identityProviders.add}
          </Button>
        }
      />
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      <QueryState query={providers}>
        {(list) =>
          list.length === 0 ? (
            <Banner kind="info">{sv.identityProviders.none}</Banner>
          ) : (
            <Table caption={sv.identityProviders.title} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{sv.identityProviders.name}</th>
                  <th scope="col">{sv.identityProviders.issuer}</th>
                  <th scope="col">{sv.identityProviders.clientId}</th>
                  <th scope="col">{sv.identityProviders.roleMap}</th>
                  <th scope="col">{sv.identityProviders.defaultMunicipality}</th>
                  <th scope="col">{sv.identityProviders.status}</th>
                  <th scope="col">
                    <span className="visually-hidden">{sv.users.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id} className={p.isActive ? undefined : 'row--inactive'}>
                    <th scope="row">{p.name}</th>
                    <td className="break">{p.issuer}</td>
                    <td>
                      <code>{p.clientId}</code>
                    </td>
                    <td>
                      {Object.entries(p.roleMap).length === 0 ? (
                        sv.common.none
                      ) : (
                        <ul className="plain-list">
                          {Object.entries(p.roleMap).map(([value, role]) => (
                            <li key={value}>
                              <code>{value}</code> → {roleLabel(role)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{p.defaultMunicipalityCode ? municipalityName(p.defaultMunicipalityCode) : sv.common.none}</td>
                    <td>{p.isActive ? <Badge tone="success">{sv.common.active}</Badge> : <Badge>{sv.common.inactive}</Badge>}</td>
                    <td className="table__actions">
                      <Button
                        size="small"
                        onClick={() => {
                          setNotice(null);
                          setEditing({ id: p.id });
                        }}
                        aria-label={sv.identityProviders.editTitle(p.name)}
                      >
                        {sv.common.edit}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {editing && (editing.id === null || provider) ? (
        <IdentityProviderDialog
          provider={provider ?? null}
          municipalities={municipalities}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(sv.common.savedItem(saved.name));
          }}
        />
      ) : null}
    </>
  );
}
