import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { sv } from '../../../lib/sv.ts';

/** A new one-time password, shown once with a copy button. */
export function OneTimePasswordDialog({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  return (
    <Dialog
      title={sv.users.oneTimeTitle}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {sv.common.close}
        </Button>
      }
    >
      <p>{sv.users.oneTimeIntro(name)}</p>
      <div className="secret">
        <span className="secret__label" id="one-time-password-label">
          {sv.users.oneTimeLabel}
        </span>
        <output className="secret__value" aria-labelledby="one-time-password-label" data-testid="one-time-password">
          {password}
        </output>
        <CopyButton text={password} />
      </div>
    </Dialog>
  );
}
