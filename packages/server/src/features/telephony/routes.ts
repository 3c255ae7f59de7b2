import { CallbackInput, CallbackTaskList, CallInput, CallList, CallQuery, IdParams, TelephonyCallInput, TelephonyCallResult, TelephonySystemCreated, TelephonySystemInput, TelephonySystemList, TelephonySystemView } from '@jourbok/contracts';
import { inTransaction, systemPrincipal, type Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import * as calls from './calls.ts';
import * as tokens from './tokens.ts';

const tags = ['Calls'];

export function registerTelephonyRoutes(api: Api, deps: Deps) {
  api.post('/api/telephony/calls', {
    config: { access: { token: 'telephony' } },
    schema: {
      tags,
      summary: 'A telephony system posts a call event (Authorization: Bearer <token from the administrator>); a repeated externalId is not logged twice',
      body: TelephonyCallInput,
      response: { 200: TelephonyCallResult },
    },
    handler: (req) => {
      const system = req.integration;
      if (!system) throw new AppError('unauthenticated', 'Token saknas, är ogiltig eller har återkallats.');
      return inTransaction(deps, systemPrincipal(system.organisationId, `Telefoni: ${system.name}`), req.id, (ctx) => calls.registerCallFromSystem(ctx, system, req.body));
    },
  });
  api.get('/api/calls', {
    config: { access: { permission: 'calls.read', personalData: true } },
    schema: { tags, summary: 'The call log of one day (Europe/Stockholm; default today), newest first', querystring: CallQuery, response: { 200: CallList } },
    handler: (req) => run(deps, req, (ctx) => calls.listCalls(ctx, req.query.date)),
  });
  api.post('/api/calls', {
    config: { access: { permission: 'calls.write', personalData: true } },
    schema: { tags, summary: 'Log a call by hand (from the board)', body: CallInput, response: { 200: TelephonyCallResult } },
    handler: (req) => run(deps, req, (ctx) => calls.registerCallByHand(ctx, req.body)),
  });
  api.get('/api/calls/callbacks', {
    config: { access: { permission: 'calls.read', personalData: true } },
    schema: { tags, summary: 'Open callback tasks for the shift board: missed and busy calls not yet called back, one per number', response: { 200: CallbackTaskList } },
    handler: (req) => run(deps, req, (ctx) => calls.callbackTasks(ctx)),
  });
  api.post('/api/calls/:id/callback', {
    config: { access: { permission: 'calls.write', personalData: true } },
    schema: { tags, summary: "Record a callback for the call's number: reached or not needed closes the task, no answer keeps it", params: IdParams, body: CallbackInput, response: { 200: CallbackTaskList } },
    handler: (req) => run(deps, req, (ctx) => calls.recordCallback(ctx, req.params.id, req.body.result)),
  });
  api.get('/api/telephony/systems', {
    config: { access: { permission: 'telephony.manage' } },
    schema: { tags, summary: 'Telephony systems allowed to post call events', response: { 200: TelephonySystemList } },
    handler: (req) => run(deps, req, (ctx) => tokens.listTelephonySystems(ctx)),
  });
  api.post('/api/telephony/systems', {
    config: { access: { permission: 'telephony.manage' } },
    schema: { tags, summary: 'Add a telephony system; its token is in this answer only (only a hash is kept)', body: TelephonySystemInput, response: { 200: TelephonySystemCreated } },
    handler: (req) => run(deps, req, (ctx) => tokens.createTelephonySystem(ctx, req.body.name)),
  });
  api.post('/api/telephony/systems/:id/revoke', {
    config: { access: { permission: 'telephony.manage' } },
    schema: { tags, summary: "Revoke a telephony system's token (refused at once)", params: IdParams, response: { 200: TelephonySystemView } },
    handler: (req) => run(deps, req, (ctx) => tokens.revokeTelephonySystem(ctx, req.params.id)),
  });
}
