// /vem-svarar: the public routing page (no sign-in, no personal data) over
// GET /api/public/routing, for SOS Alarm, the police and anyone who must
// reach the right jour: which jour serves which municipality, its phone, and
// whether it is open or on standby right now.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../components/ui/badge.tsx';
import { TextField } from '../components/ui/field.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { svCollab } from '../features/collaboration/sv.ts';
import { useRoutingTable } from '../features/routing/api.ts';
import { formatDateTime } from '../lib/format.ts';

const t = svCollab.routing;
const tone = { open: 'open', standby: 'standby', closed: 'closed' } as const;

export function RoutingPage() {
  const table = useRoutingTable();
  const [query, setQuery] = useState('');
  useEffect(() => {
    document.title = `${t.title} – Jourbok`;
  }, []);
  return (
    <div className="public-page">
      <main className="public-page__card public-page__card--wide stack" id="main">
        <header className="login__header">
          <span className="brand__mark brand__mark--large" aria-hidden="true">
            J
          </span>
          <h1 className="login__title">{t.title}</h1>
        </header>
        <p>{t.lead}</p>
        <TextField label={t.search} name="municipality" type="search" value={query} onChange={setQuery} autoComplete="off" />
        <QueryState query={table}>
          {(data) => {
            const q = query.trim().toLocaleLowerCase('sv');
            const rows = data.municipalities.filter((m) => !q || m.municipalityName.toLocaleLowerCase('sv').includes(q) || m.municipalityCode.startsWith(q));
            return (
              <>
                {rows.length === 0 ? (
                  <p className="muted">{t.none}</p>
                ) : (
                  <Table caption={t.caption} captionHidden>
                    <thead>
                      <tr>
                        <th scope="col">{t.colMunicipality}</th>
                        <th scope="col">{t.colJour}</th>
                        <th scope="col">{t.colPhone}</th>
                        <th scope="col">{t.colStatus}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((m) => (
                        <tr key={`${m.jourName}-${m.municipalityCode}`}>
                          <th scope="row">{m.municipalityName}</th>
                          <td>{m.jourName}</td>
                          <td className="numeric">
                            <a href={`tel:${m.jourPhone.replace(/[^\d+]/g, '')}`}>{m.jourPhone}</a>
                          </td>
                          <td>
                            <Badge tone={tone[m.status]}>{t.status[m.status]}</Badge> <span className="muted">{t.until(formatDateTime(m.statusUntil))}</span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
                <p className="muted">{t.updated(formatDateTime(data.generatedAt))}</p>
              </>
            );
          }}
        </QueryState>
        <p className="public-page__footer">
          <a href="/api/public/routing">{t.json}</a> · <Link to="/logga-in">{t.login}</Link>
        </p>
      </main>
    </div>
  );
}
