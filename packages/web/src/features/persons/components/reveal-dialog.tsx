// Break the glass: a protected person's details after a stated reason. The
// details live in this dialog only and are gone when it closes.
import { RevealRequest } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextAreaField } from '../../../components/ui/field.tsx';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useRevealPerson } from '../api.ts';
import { PersonFacts } from './person-facts.tsx';

export function RevealDialog({ personId, onClose, municipalityName }: { personId: string; onClose: () => void; municipalityName: (code: string) => string }) {
  const [reason, setReason] = useState('');
  const reveal = useRevealPerson();
  const ref = useRef<HTMLDivElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const server = splitError(reveal.error, ['reason']);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const revealed = reveal.data;

  const submit = () => {
    const result = validate(RevealRequest, { reason });
    if (!result.ok) {
      reveal.reset();
      fail(result.errors);
      return;
    }
    clear();
    reveal.mutate({ id: personId, reason: result.data.reason }, { onError: focusInvalid });
  };

  if (revealed) {
    return (
      <Dialog
        key="revealed"
        title={revealed.displayName}
        onClose={onClose}
        size="wide"
        footer={
          <Button variant="primary" onClick={onClose}>
            {sv.common.close}
          </Button>
        }
      >
        <div className="stack">
          <Banner kind="warning">{sv.persons.revealedNote}</Banner>
          <PersonFacts person={revealed} municipalityName={municipalityName} />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      key="reason"
      title={sv.persons.revealTitle}
      onClose={onClose}
      onSubmit={submit}
      busy={reveal.isPending}
      footer={
        <>
          <Button type="submit" variant="danger" pending={reveal.isPending} pendingLabel={sv.persons.revealing}>
            {sv.persons.revealSubmit}
          </Button>
          <Button onClick={onClose} disabled={reveal.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div className="stack" ref={ref}>
        <Banner kind="warning">{sv.persons.revealWarning}</Banner>
        <ErrorBanner error={server.banner} />
        <TextAreaField label={sv.persons.revealReason} name="reason" value={reason} onChange={setReason} hint={sv.persons.revealReasonHint} error={fieldErrors.reason} rows={3} />
      </div>
    </Dialog>
  );
}
