import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { sv } from '../../lib/sv.ts';
import { Banner, describeError } from './banner.tsx';
import { Button } from './button.tsx';

export function Loading({ label = sv.app.loading }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label}
    </p>
  );
}

/** Shows loading or the error (with a retry button) until the query has data, then renders `children`. */
export function QueryState<T>({ query, children, label }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; label?: string }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <Banner
        kind="error"
        title={sv.errors.loadFailed}
        actions={
          <Button size="small" onClick={() => void query.refetch()} pending={query.isFetching} pendingLabel={sv.app.loading}>
            {sv.common.retry}
          </Button>
        }
      >
        {describeError(query.error)}
      </Banner>
    );
  }
  return <Loading label={label} />;
}
