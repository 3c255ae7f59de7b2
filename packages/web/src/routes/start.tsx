// /: jour staff start on the shift board; everyone else on the overview.
import { useCan } from '../features/session/api.ts';
import { BoardPage } from './board.tsx';
import { OverviewPage } from './overview.tsx';

export function StartPage() {
  const can = useCan();
  return can('cases.write') ? <BoardPage /> : <OverviewPage />;
}
