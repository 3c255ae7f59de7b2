import { Button } from '../../../components/ui/button.tsx';
import { sv } from '../../../lib/sv.ts';
import { useDemoCode } from '../api.ts';

/** Demo mode only: the demo account's current code, and a button that fills it in. */
export function DemoCode({ username, onFill }: { username: string; onFill: (code: string) => void }) {
  const query = useDemoCode(username, true);
  if (!query.data) return null;
  const { code } = query.data;
  return (
    <aside className="demo-box" aria-label={sv.login.demoHeading}>
      <p className="demo-box__text">{sv.login.demoCode(code)}</p>
      <Button size="small" onClick={() => onFill(code)}>
        {sv.login.demoFill}
      </Button>
    </aside>
  );
}
