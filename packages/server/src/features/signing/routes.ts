import {
  DecisionToSign,
  IdParams,
  OutstandingSignatures,
  SignatureRequestCreated,
  SignatureRequestInput,
  SigningCodeInput,
  SigningLinkStatus,
  SigningTokenInput,
} from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import { mailerOf } from '../../mail/mailer.ts';
import { signingLinkMail } from '../../mail/messages.ts';
import { formatLocal } from '../deliveries/jobs.ts';
import * as service from './service.ts';

const tags = ['Remote signing'];

export function registerSigningRoutes(api: Api, deps: Deps) {
  api.get('/api/signatures', {
    config: { access: { permission: 'signatures.manage' } },
    schema: { tags, summary: "Politicians' decisions recorded by phone and not yet signed, with the latest signing link", response: { 200: OutstandingSignatures } },
    handler: (req) => run(deps, req, (ctx) => service.listOutstandingSignatures(ctx)),
  });

  api.post('/api/decisions/:id/signature-requests', {
    config: { access: { permission: 'signatures.manage' } },
    schema: {
      tags,
      summary: 'E-mail the politician a one-time signing link; the answer holds the 6-digit code to read to them by phone (shown once)',
      params: IdParams,
      body: SignatureRequestInput,
      response: { 200: SignatureRequestCreated },
    },
    handler: async (req) => {
      const mailer = mailerOf(deps.config);
      if (!mailer) throw new AppError('unavailable', 'E-post är inte inställd i Jourbok (JOURBOK_SMTP_URL), så signeringslänken kan inte skickas. Låt politikern signera på papper.');
      const created = await run(deps, req, (ctx) => service.requestSignature(ctx, req.params.id, req.body));
      const org = await deps.database.db.selectFrom('decision as d').innerJoin('organisation as o', 'o.id', 'd.organisation_id').select(['o.name', 'o.time_zone']).where('d.id', '=', created.decisionId).executeTakeFirstOrThrow();
      // Sent after commit, straight from memory: the token is never stored, so it cannot wait in a queue.
      const mail = signingLinkMail({ organisationName: org.name, link: `${deps.config.publicUrl}/signera#${created.token}`, expiresAt: formatLocal(created.expiresAt, org.time_zone) });
      try {
        await mailer.send({ to: created.recipientEmail, subject: mail.subject, text: mail.text });
      } catch (error) {
        await service.cancelSignatureRequest(deps, created.id);
        req.log.warn({ reason: (error as Error).name }, 'signing link not sent');
        throw new AppError('unavailable', 'E-postmeddelandet med signeringslänken kunde inte skickas. Försök igen om en stund, eller låt politikern signera på papper.');
      }
      const { token: _token, ...answer } = created;
      return answer;
    },
  });

  api.post('/api/public/signing/open', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Signing page, step 1: is the link usable? (no personal data; the code is asked next)', body: SigningTokenInput, response: { 200: SigningLinkStatus } },
    handler: (req) => service.openSigningLink(deps, req.body.token, req.id),
  });
  api.post('/api/public/signing/decision', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Signing page, step 2: the decision to sign, with the link and the code read by phone', body: SigningCodeInput, response: { 200: DecisionToSign } },
    handler: (req) => service.decisionToSign(deps, req.body.token, req.body.code, req.id),
  });
  api.post('/api/public/signing/sign', {
    config: { access: { public: true } },
    schema: { tags, summary: 'Signing page, step 3: sign the decision', body: SigningCodeInput, response: { 200: DecisionToSign } },
    handler: (req) => service.signDecision(deps, req.body.token, req.body.code, req.id),
  });
}
