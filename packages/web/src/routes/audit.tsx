// /logg: access review. Filters live in the address (?anvandare=…&handelse=…), so a search can be shared and repeated.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { Loading } from '../components/ui/query-state.tsx';
import { useAuditSearch, type AuditFilters as Filters } from '../features/audit/api.ts';
import { AuditFilters } from '../features/audit/components/audit-filters.tsx';
import { AuditTable } from '../features/audit/components/audit-table.tsx';
import { IntegrityCheck } from '../features/audit/components/integrity-check.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { useCan } from '../features/session/api.ts';
import { useUsers } from '../features/users/api.ts';
import { isApiError } from '../lib/api.ts';
import { sv } from '../lib/sv.ts';

/** Filter name in the API ↔ parameter in the address bar. */
const params = { userId: 'anvandare', personId: 'person', action: 'handelse', kind: 'typ', from: 'fran', to: 'till' } as const;

function filtersFrom(search: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const [key, param] of Object.entries(params) as [keyof Filters, string][]) {
    const value = search.get(param);
    if (value) filters[key] = value;
  }
  return filters;
}

export function AuditPage() {
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const query = useAuditSearch(filters);
  const users = useUsers(can('users.read'));
  const organisation = useOrganisation(can('organisation.read'));

  const names = useMemo(
    () => ({
      user: (id: string) => users.data?.find((u) => u.id === id)?.displayName,
      municipality: (code: string) => organisation.data?.municipalities.find((m) => m.code === code)?.name,
    }),
    [users.data, organisation.data],
  );

  const events = query.data?.pages.flatMap((page) => page.events) ?? [];
  const fieldError = isApiError(query.error) && query.error.field ? { [query.error.field]: query.error.message } : {};

  return (
    <>
      <PageHeader title={sv.audit.title} lead={sv.audit.intro} />
      <AuditFilters
        key={search.toString()}
        value={filters}
        users={users.data ?? []}
        pending={query.isFetching && !query.isFetchingNextPage}
        errors={fieldError}
        onSearch={(next) => {
          const nextSearch = new URLSearchParams();
          for (const [key, value] of Object.entries(next) as [keyof Filters, string][]) nextSearch.set(params[key], value);
          if (nextSearch.toString() === search.toString()) void query.refetch();
          else setSearch(nextSearch);
        }}
      />
      <section className="section" aria-labelledby="audit-results">
        <h2 id="audit-results" className="visually-hidden">
          {sv.audit.results}
        </h2>
        {query.isError && !query.data ? <ErrorBanner error={query.error} /> : null}
        {query.isPending ? <Loading /> : null}
        {query.data ? (
          events.length === 0 ? (
            <Banner kind="info">{sv.audit.noEvents}</Banner>
          ) : (
            <>
              <p className="muted" role="status">
                {sv.audit.shown(events.length)}
              </p>
              <AuditTable events={events} names={names} />
              {query.hasNextPage ? (
                <div className="load-more">
                  <Button onClick={() => void query.fetchNextPage()} pending={query.isFetchingNextPage} pendingLabel={sv.audit.loadingMore}>
                    {sv.audit.more}
                  </Button>
                </div>
              ) : null}
              {query.isFetchNextPageError ? <ErrorBanner error={query.error} /> : null}
            </>
          )
        ) : null}
      </section>
      {can('audit.verify') ? <IntegrityCheck /> : null}
    </>
  );
}
