import { useState } from 'react';
import { sv } from '../../lib/sv.ts';
import { Button } from './button.tsx';

/** Copies `text` to the clipboard and says so (politely, for screen readers too). */
export function CopyButton({ text, label = sv.common.copy }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="copy">
      <Button
        size="small"
        onClick={() => {
          navigator.clipboard
            .writeText(text)
            .then(() => setState('copied'))
            .catch(() => setState('failed'));
        }}
      >
        {label}
      </Button>
      <span className="copy__status" role="status">
        {state === 'copied' ? sv.common.copied : state === 'failed' ? sv.common.copyFailed : ''}
      </span>
    </span>
  );
}
