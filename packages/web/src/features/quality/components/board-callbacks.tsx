// The shift board's callback tasks: missed and busy calls from known numbers,
// one per number, until someone has called back; and logging a call by hand.
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { formatTime } from '../../../lib/format.ts';
import { useCallbacks, useRecordCallback, type CallbackTask } from '../api.ts';
import { svQuality as t } from '../sv.ts';
import { CallForm } from './call-form.tsx';

function Task({ task }: { task: CallbackTask }) {
  const record = useRecordCallback();
  const done = (result: 'reached' | 'no_answer' | 'not_needed') => record.mutate({ callId: task.callId, result });
  return (
    <li className="callback-task" data-number={task.callerNumber}>
      <div>
        <a href={`tel:${task.callerNumber.replace(/[^\d+]/g, '')}`} className="callback-task__number">
          {task.callerNumber}
        </a>{' '}
        {task.outcomes.map((o, i) => (
          <Badge key={i} tone={o === 'busy' ? 'warning' : 'danger'}>
            {t.calls.outcomes[o]}
          </Badge>
        ))}
      </div>
      <p className="muted">
        {formatTime(task.firstAt)}
        {task.attempts > 1 ? `–${formatTime(task.lastAt)}` : ''} · {t.callbacks.lineText(task.lines)} · {t.callbacks.attempts(task.attempts)}
        {task.callbackAttempts > 0 ? ` · ${t.callbacks.callbackAttempts(task.callbackAttempts, task.lastCallbackByName)}` : ''}
      </p>
      <ErrorBanner error={record.error} />
      <div className="button-row">
        <Button size="small" variant="primary" onClick={() => done('reached')} pending={record.isPending}>
          {t.callbacks.reached}
        </Button>
        <Button size="small" onClick={() => done('no_answer')} disabled={record.isPending}>
          {t.callbacks.noAnswer}
        </Button>
        <Button size="small" variant="quiet" onClick={() => done('not_needed')} disabled={record.isPending}>
          {t.callbacks.notNeeded}
        </Button>
      </div>
    </li>
  );
}

export function BoardCallbacks({ canWrite }: { canWrite: boolean }) {
  const callbacks = useCallbacks();
  const [logging, setLogging] = useState(false);
  const count = callbacks.data?.tasks.length ?? 0;
  return (
    <Card title={<>{t.callbacks.boardTitle} {count > 0 ? <span className="count">{count}</span> : null}</>} className="board__callbacks">
      <QueryState query={callbacks}>
        {({ tasks }) =>
          tasks.length === 0 ? (
            <p className="muted">{t.callbacks.none}</p>
          ) : (
            <ul className="plain-list callback-tasks" aria-label={t.callbacks.boardTitle}>
              {tasks.map((task) => (
                <Task key={task.callerNumber} task={task} />
              ))}
            </ul>
          )
        }
      </QueryState>
      <div className="button-row">
        {canWrite ? (
          <Button size="small" onClick={() => setLogging((v) => !v)} aria-expanded={logging}>
            {t.callbacks.log}
          </Button>
        ) : null}
        <Link to="/samtal">{t.callbacks.allCalls}</Link>
      </div>
      {logging ? <CallForm /> : null}
    </Card>
  );
}
