// The root of every route: nothing shows before the session is known.
import { Outlet } from 'react-router';
import { Banner, describeError } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Loading } from '../components/ui/query-state.tsx';
import { useSessionQuery } from '../features/session/api.ts';
import { sv } from '../lib/sv.ts';

export function Root() {
  const session = useSessionQuery();
  if (session.data) return <Outlet />;
  return (
    <div className="boot">
      {session.isError ? (
        <Banner
          kind="error"
          title={sv.errors.loadFailed}
          actions={
            <Button onClick={() => void session.refetch()} pending={session.isFetching} pendingLabel={sv.app.loading}>
              {sv.common.retry}
            </Button>
          }
        >
          {describeError(session.error)}
        </Banner>
      ) : (
        <Loading label={sv.app.loadingSession} />
      )}
    </div>
  );
}
