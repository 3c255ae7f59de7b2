// Handover notes to the next shift, newest first, and a form to write one.
import { ShiftNoteInput } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextAreaField } from '../../../components/ui/field.tsx';
import { formatMoment } from '../../../lib/format.ts';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useWriteShiftNote, type Board } from '../api.ts';

export function ShiftNotes({ notes, now }: { notes: Board['shiftNotes']; now: Date }) {
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const write = useWriteShiftNote();
  const ref = useRef<HTMLFormElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const server = splitError(write.error, ['body']);
  const fieldErrors = { ...server.fieldErrors, ...errors };

  const submit = () => {
    setSaved(false);
    const result = validate(ShiftNoteInput, { body });
    if (!result.ok) {
      write.reset();
      fail(result.errors);
      return;
    }
    clear();
    write.mutate(result.data.body, {
      onSuccess: () => {
        setBody('');
        setSaved(true);
      },
      onError: focusInvalid,
    });
  };

  return (
    <div className="shift-notes">
      {notes.length === 0 ? (
        <p className="muted">{sv.board.noNotes}</p>
      ) : (
        <ul className="plain-list shift-notes__list">
          {notes.map((note) => (
            <li key={note.id} className="shift-note">
              <p className="shift-note__body">{note.body}</p>
              <p className="shift-note__by">{sv.board.noteBy(note.authorName, formatMoment(note.writtenAt, now))}</p>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={ref}
        className="stack shift-notes__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ErrorBanner error={server.banner} />
        <TextAreaField label={sv.board.noteLabel} name="shiftNote" value={body} onChange={setBody} hint={sv.board.noteHint} error={fieldErrors.body} rows={3} />
        <div className="button-row">
          <Button type="submit" pending={write.isPending} pendingLabel={sv.common.saving}>
            {sv.board.noteSubmit}
          </Button>
        </div>
        {saved ? <Banner kind="success">{sv.board.noteSaved}</Banner> : null}
      </form>
    </div>
  );
}
