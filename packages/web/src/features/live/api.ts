// Live updates: one server-sent-event stream per signed-in tab (GET /api/events).
// Events carry ids only; the listener refetches what the user may see. The
// browser reconnects on its own (the server asks for 3 s; after an error
// answer this hook opens a new stream); after a gap, the listener is told to
// refetch everything on screen, since events may be lost.
import { useEffect, useRef, useSyncExternalStore } from 'react';

export type LiveTopic = 'case' | 'board';
export type LiveState = 'connecting' | 'open' | 'lost';

let state: LiveState = 'connecting';
const subscribers = new Set<() => void>();

function setState(next: LiveState) {
  if (next === state) return;
  state = next;
  for (const fn of subscribers) fn();
}

/** Whether live updates are flowing right now (the board says so). */
export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (fn) => {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    () => state,
  );
}

interface Handlers {
  onEvent: (topic: LiveTopic, id: string | null) => void;
  /** the stream was down for a while: refetch what is on screen */
  onResume: () => void;
}

function idOf(event: MessageEvent): string | null {
  try {
    const data = JSON.parse(String(event.data)) as { id?: unknown };
    return typeof data.id === 'string' ? data.id : null;
  } catch {
    return null;
  }
}

/** Keeps the stream open while mounted; closes it on unmount (sign-out leaves the signed-in frame). */
export function useLiveEvents(handlers: Handlers) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let wasLost = false;
    const listen = (topic: LiveTopic) => (event: MessageEvent) => current.current.onEvent(topic, idOf(event));
    const onCase = listen('case');
    const onBoard = listen('board');
    // The browser reconnects by itself after a dropped stream; after an error
    // answer (the server or its database was down: 503) it gives up, so a new
    // stream is opened here after a pause.
    const open = () => {
      const next = new EventSource('/api/events');
      source = next;
      next.onopen = () => {
        setState('open');
        if (wasLost) current.current.onResume();
        wasLost = false;
      };
      next.onerror = () => {
        wasLost = true;
        setState('lost');
        if (next.readyState === EventSource.CLOSED && retry === null) {
          retry = setTimeout(() => {
            retry = null;
            open();
          }, 5_000);
        }
      };
      next.addEventListener('case', onCase);
      next.addEventListener('board', onBoard);
    };
    setState('connecting');
    open();
    return () => {
      if (retry !== null) clearTimeout(retry);
      if (source) {
        source.removeEventListener('case', onCase);
        source.removeEventListener('board', onBoard);
        source.close();
      }
      setState('connecting');
    };
  }, []);
}
