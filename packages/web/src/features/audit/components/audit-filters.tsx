import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { sv } from '../../../lib/sv.ts';
import type { AuditFilters as Filters } from '../api.ts';

interface Props {
  value: Filters;
  users: { id: string; displayName: string }[];
  onSearch: (filters: Filters) => void;
  pending: boolean;
  errors: Record<string, string>;
}

const fields = ['userId', 'personId', 'action', 'kind', 'from', 'to'] as const;

/** The access review's search form; applying it is explicit (every search is logged). */
export function AuditFilters({ value, users, onSearch, pending, errors }: Props) {
  const [draft, setDraft] = useState<Record<(typeof fields)[number], string>>(() => ({
    userId: value.userId ?? '',
    personId: value.personId ?? '',
    action: value.action ?? '',
    kind: value.kind ?? '',
    from: value.from ?? '',
    to: value.to ?? '',
  }));
  const set = (key: (typeof fields)[number]) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters: Filters = {};
    for (const key of fields) {
      const v = draft[key].trim();
      if (v) filters[key] = v;
    }
    onSearch(filters);
  };

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={sv.audit.filters} noValidate>
      <div className="filters__grid">
        <SelectField
          label={sv.audit.user}
          name="userId"
          value={draft.userId}
          onChange={set('userId')}
          options={[{ value: '', label: sv.audit.anyUser }, ...users.map((u) => ({ value: u.id, label: u.displayName }))]}
          error={errors.userId}
        />
        <TextField label={sv.audit.personId} name="personId" value={draft.personId} onChange={set('personId')} error={errors.personId} autoComplete="off" />
        <SelectField
          label={sv.audit.action}
          name="action"
          value={draft.action}
          onChange={set('action')}
          options={[
            { value: '', label: sv.audit.anyAction },
            ...Object.entries(sv.audit.actions)
              .map(([code, label]) => ({ value: code, label }))
              .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
          ]}
          error={errors.action}
        />
        <SelectField
          label={sv.audit.kind}
          name="kind"
          value={draft.kind}
          onChange={set('kind')}
          options={[{ value: '', label: sv.audit.anyKind }, ...Object.entries(sv.audit.kinds).map(([code, label]) => ({ value: code, label }))]}
          error={errors.kind}
        />
        <TextField label={sv.audit.from} name="from" type="date" value={draft.from} onChange={set('from')} error={errors.from} />
        <TextField label={sv.audit.to} name="to" type="date" value={draft.to} onChange={set('to')} error={errors.to} />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary" pending={pending} pendingLabel={sv.app.loading}>
          {sv.audit.search}
        </Button>
        <Button
          onClick={() => {
            setDraft({ userId: '', personId: '', action: '', kind: '', from: '', to: '' });
            onSearch({});
          }}
        >
          {sv.audit.clear}
        </Button>
      </div>
    </form>
  );
}
