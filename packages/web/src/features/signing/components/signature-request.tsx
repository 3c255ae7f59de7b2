// On a politician's decision recorded by phone: send the politician the
// one-time signing link, and show the jour the code to read by phone (once).
import { useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { RadioGroup, TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { emptyToNull } from '../../../lib/form.ts';
import { svCollab } from '../../collaboration/sv.ts';
import { useCan } from '../../session/api.ts';
import { useOnCall, useRequestSignature, type SignatureRequestCreated } from '../api.ts';

const BY_HAND = 'by-hand';

function RequestDialog({ decisionId, caseId, typeName, municipalityCode, onClose }: { decisionId: string; caseId: string; typeName: string; municipalityCode: string; onClose: () => void }) {
  const onCall = useOnCall(municipalityCode, true);
  const request = useRequestSignature(caseId);
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<SignatureRequestCreated | null>(null);
  const politicians = (onCall.data?.politicians ?? []).filter((p) => p.email);
  const chosen = choice || (politicians[0]?.id ?? BY_HAND);
  const fieldError = (field: string) => (isApiError(request.error) && request.error.field === field ? request.error.message : undefined);

  const submit = () => {
    if (sent) return onClose();
    const byHand = chosen === BY_HAND;
    request.mutate({ decisionId, input: { politicianId: byHand ? null : chosen, recipientName: byHand ? emptyToNull(name) : null, recipientEmail: byHand ? emptyToNull(email) : null } }, { onSuccess: setSent });
  };

  return (
    <Dialog
      title={svCollab.request.title(typeName)}
      onClose={onClose}
      onSubmit={submit}
      busy={request.isPending}
      footer={
        sent ? (
          <Button type="submit" variant="primary">
            {svCollab.request.close}
          </Button>
        ) : (
          <Button type="submit" variant="primary" pending={request.isPending} pendingLabel={svCollab.request.sending}>
            {svCollab.request.send}
          </Button>
        )
      }
    >
      {sent ? (
        <div className="stack">
          <Banner kind="success">{svCollab.request.sent(sent.recipientName, sent.recipientEmail)}</Banner>
          <p>{svCollab.request.code}:</p>
          <p className="signing-code numeric" aria-label={svCollab.request.code}>
            {sent.code}
          </p>
          <p className="muted">{svCollab.request.codeOnce}</p>
          <p>{svCollab.request.expires(formatDateTime(sent.expiresAt))}</p>
        </div>
      ) : (
        <div className="stack">
          <p>{svCollab.request.lead}</p>
          {request.error && !fieldError('recipientEmail') && !fieldError('politicianId') ? <ErrorBanner error={request.error} /> : null}
          <RadioGroup
            legend={svCollab.request.politician}
            name="politicianId"
            value={chosen}
            onChange={setChoice}
            options={[...politicians.map((p) => ({ value: p.id, label: `${p.name}, ${p.roleLabel} (${p.email})` })), { value: BY_HAND, label: svCollab.request.choose }]}
            error={fieldError('politicianId')}
          />
          {chosen === BY_HAND ? (
            <>
              <TextField label={svCollab.request.name} name="recipientName" value={name} onChange={setName} autoComplete="off" />
              <TextField label={svCollab.request.email} name="recipientEmail" type="email" value={email} onChange={setEmail} error={fieldError('recipientEmail')} autoComplete="off" />
            </>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}

export function SignatureRequest(props: { decisionId: string; caseId: string; typeName: string; municipalityCode: string }) {
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('signatures.manage')) return null;
  return (
    <div className="button-row">
      <Button size="small" onClick={() => setOpen(true)}>
        {svCollab.request.button}
      </Button>
      {open ? <RequestDialog {...props} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
