import { sv } from '../../../lib/sv.ts';

/** Shown wherever a protected person appears: the name is hidden, and so are the details. */
export function ProtectedMarker({ protection }: { protection?: string | null | undefined }) {
  const kind = protection && protection !== 'none' ? sv.persons.protection[protection] : undefined;
  return (
    <span className="marker marker--protected" title={kind ? `${sv.persons.protectedBadge}: ${kind}` : sv.persons.protectedBadge}>
      {sv.persons.protectedBadge}
      {kind ? `: ${kind}` : ''}
    </span>
  );
}
