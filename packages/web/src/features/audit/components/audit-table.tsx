import { Table } from '../../../components/ui/table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { roleLabel, sv } from '../../../lib/sv.ts';
import type { AuditEvent } from '../api.ts';

interface Names {
  user: (id: string) => string | undefined;
  municipality: (code: string) => string | undefined;
}

function entityText(event: AuditEvent, names: Names): string {
  const type = sv.audit.entities[event.entityType] ?? event.entityType;
  if (!event.entityId) return type;
  const name =
    event.entityType === 'user' ? names.user(event.entityId) : event.entityType === 'municipality' ? names.municipality(event.entityId) : undefined;
  return `${type}: ${name ?? event.entityId}`;
}

function changedFields(event: AuditEvent): string | null {
  const fields = event.details.fields;
  return Array.isArray(fields) && fields.length ? sv.audit.fields(fields.map((f) => sv.audit.fieldLabels[String(f)] ?? String(f)).join(', ')) : null;
}

/** Audit events, newest first, times in Stockholm. */
export function AuditTable({ events, names }: { events: AuditEvent[]; names: Names }) {
  return (
    <Table caption={sv.audit.title} captionHidden className="audit-table">
      <thead>
        <tr>
          <th scope="col">{sv.audit.time}</th>
          <th scope="col">{sv.audit.actor}</th>
          <th scope="col">{sv.audit.action}</th>
          <th scope="col">{sv.audit.entity}</th>
          <th scope="col">{sv.audit.person}</th>
          <th scope="col">{sv.audit.municipality}</th>
          <th scope="col">{sv.audit.purpose}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const fields = changedFields(event);
          return (
            <tr key={event.seq}>
              <td className="nowrap numeric">{formatDateTime(event.occurredAt)}</td>
              <td>
                {event.actorName}
                {event.actorRole ? <span className="muted block">{roleLabel(event.actorRole)}</span> : null}
              </td>
              <td>
                {sv.audit.actions[event.action] ?? event.action}
                <span className="muted block">{sv.audit.kinds[event.kind] ?? event.kind}</span>
              </td>
              <td>
                {entityText(event, names)}
                {fields ? <span className="muted block">{fields}</span> : null}
              </td>
              <td>{event.personId ? (names.user(event.personId) ?? event.personId) : sv.common.none}</td>
              <td>{event.municipalityCode ? (names.municipality(event.municipalityCode) ?? event.municipalityCode) : sv.common.none}</td>
              <td>{event.purpose ?? sv.common.none}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
