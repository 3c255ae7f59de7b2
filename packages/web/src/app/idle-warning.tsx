// Warns before the idle timeout and signs out when it passes. The status badge
// polls the server every minute, which keeps the server session alive, so the
// idle rule is enforced here from the user's own activity.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { Dialog } from '../components/ui/dialog.tsx';
import { useLogout } from '../features/auth/api.ts';
import { useRefreshSession } from '../features/session/api.ts';
import { sv } from '../lib/sv.ts';

const activityEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export function IdleWarning({ minutes }: { minutes: number }) {
  const timeoutMs = minutes * 60_000;
  const warnMs = Math.min(60_000, timeoutMs / 2);
  const lastActive = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const logout = useLogout();
  const signOut = useRef(logout.mutate);
  signOut.current = logout.mutate;
  const refresh = useRefreshSession();
  const warning = secondsLeft !== null;

  useEffect(() => {
    if (warning) return;
    const onActivity = () => {
      lastActive.current = Date.now();
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [warning]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const left = timeoutMs - (Date.now() - lastActive.current);
      if (left <= 0) {
        window.clearInterval(timer);
        setSecondsLeft(null);
        signOut.current('idle');
      } else if (left <= warnMs) {
        setSecondsLeft(Math.ceil(left / 1000));
      } else {
        setSecondsLeft(null);
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [timeoutMs, warnMs]);

  if (secondsLeft === null) return null;
  const stay = () => {
    lastActive.current = Date.now();
    setSecondsLeft(null);
    void refresh();
  };
  return (
    <Dialog
      title={sv.idle.title}
      onClose={stay}
      footer={
        <>
          <Button variant="primary" onClick={stay}>
            {sv.idle.stay}
          </Button>
          <Button onClick={() => logout.mutate(undefined)}>{sv.app.logout}</Button>
        </>
      }
    >
      <p role="timer" aria-live="off">
        {sv.idle.text(secondsLeft)}
      </p>
    </Dialog>
  );
}
