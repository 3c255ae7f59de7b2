import {
  Board,
  CaseCreated,
  CasePersonAdded,
  CasePersonInput,
  CaseRegistration,
  CaseUpdate,
  CaseView,
  CloseInput,
  Created,
  DecisionInput,
  DirectCostInput,
  IdParams,
  JournalInput,
  ShiftNoteInput,
  TimeEntryInput,
  TriageInput,
  WithdrawInput,
  BookedCreated,
} from '@jourbok/contracts';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { renderHandoverPdf } from '../../pdf/handover.ts';
import { getBoard, writeShiftNote } from './board.ts';
import { closeCase, getHandoverReport } from './closing.ts';
import { recordDecision, withdrawDecision } from './decisions.ts';
import { addPersonToCase, registerCase, triageCase, updateCase } from './intake.ts';
import { getCase } from './view.ts';
import { recordCost, recordTime, writeJournal } from './work.ts';

const tags = ['Cases'];

export function registerCaseRoutes(api: Api, deps: Deps) {
  api.get('/api/board', {
    config: { access: { permission: 'cases.write', personalData: true } },
    schema: { tags, summary: 'The shift board: open cases, on shift, deadlines, handover notes', response: { 200: Board } },
    handler: (req) => run(deps, req, (ctx) => getBoard(ctx)),
  });
  api.post('/api/board/notes', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Write a handover note to the next shift', body: ShiftNoteInput, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => ({ id: await writeShiftNote(ctx, req.body.body) })),
  });
  api.post('/api/cases', {
    config: { access: { permission: 'cases.write', personalData: true } },
    schema: { tags, summary: "Register a case with its persons and triage; answers with the persons' notices in force", body: CaseRegistration, response: { 200: CaseCreated } },
    handler: (req) => run(deps, req, (ctx) => registerCase(ctx, req.body)),
  });
  api.get('/api/cases/:id', {
    config: { access: { permission: 'cases.read', personalData: true } },
    schema: { tags, summary: 'A case with persons, triage, journal, decisions, time and costs', params: IdParams, response: { 200: CaseView } },
    handler: (req) => run(deps, req, (ctx) => getCase(ctx, req.params.id)),
  });
  api.put('/api/cases/:id', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: "Change a case's facts (refused when stale)", params: IdParams, body: CaseUpdate, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => (await updateCase(ctx, req.params.id, req.body), { id: req.params.id })),
  });
  api.post('/api/cases/:id/triage', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Triage or re-triage a case', params: IdParams, body: TriageInput.extend({ version: z.number().int() }), response: { 200: z.object({ priority: z.number() }) } },
    handler: (req) => run(deps, req, async (ctx) => ({ priority: await triageCase(ctx, req.params.id, req.body) })),
  });
  api.post('/api/cases/:id/persons', {
    config: { access: { permission: 'cases.write', personalData: true } },
    schema: { tags, summary: "Add a person (found or new) to a case; answers with the person's notices in force", params: IdParams, body: CasePersonInput, response: { 200: CasePersonAdded } },
    handler: (req) => run(deps, req, (ctx) => addPersonToCase(ctx, req.params.id, req.body)),
  });
  api.post('/api/cases/:id/journal', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Append a journal entry (or a correction of one)', params: IdParams, body: JournalInput, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => ({ id: await writeJournal(ctx, req.params.id, req.body) })),
  });
  api.post('/api/cases/:id/time', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Record staff time on a case', params: IdParams, body: TimeEntryInput, response: { 200: BookedCreated } },
    handler: (req) => run(deps, req, (ctx) => recordTime(ctx, req.params.id, req.body)),
  });
  api.post('/api/cases/:id/costs', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Record a direct cost (travel, accommodation, food card, interpreter)', params: IdParams, body: DirectCostInput, response: { 200: BookedCreated } },
    handler: (req) => run(deps, req, (ctx) => recordCost(ctx, req.params.id, req.body)),
  });
  api.post('/api/cases/:id/decisions', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Record a decision; the legal rules are checked and its deadlines start', params: IdParams, body: DecisionInput, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => ({ id: await recordDecision(ctx, req.params.id, req.body) })),
  });
  api.post('/api/cases/:id/decisions/:decisionId/withdraw', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Withdraw a decision (police assistance) with a reason', params: IdParams.extend({ decisionId: z.string().uuid() }), body: WithdrawInput, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => (await withdrawDecision(ctx, req.params.id, req.params.decisionId, req.body.reason), { id: req.params.decisionId })),
  });
  api.post('/api/cases/:id/close', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Close at the jour or hand over; produces the handover report', params: IdParams, body: CloseInput, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => ({ id: (await closeCase(ctx, req.params.id, req.body)).id })),
  });
  api.get('/api/handover-reports/:id', {
    config: { access: { permission: 'cases.read', personalData: true } },
    schema: { tags, summary: 'A handover report as its structured JSON record', params: IdParams },
    handler: (req) => run(deps, req, (ctx) => getHandoverReport(ctx, req.params.id)),
  });
  api.get('/api/handover-reports/:id/pdf', {
    config: { access: { permission: 'cases.read', personalData: true } },
    schema: { tags, summary: 'A handover report as PDF', params: IdParams },
    handler: async (req, reply) => {
      const { pdf, caseNumber } = await run(deps, req, async (ctx) => {
        const report = await getHandoverReport(ctx, req.params.id);
        const categories = await ctx.trx.selectFrom('category').select(['code', 'name']).where('organisation_id', '=', ctx.principal.organisationId!).execute();
        const names = new Map(categories.map((c) => [c.code, c.name]));
        return { pdf: await renderHandoverPdf(report.payload, (code) => names.get(code) ?? code), caseNumber: report.payload.case.caseNumber };
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="jourrapport-${caseNumber}.pdf"`)
        .send(pdf);
    },
  });
}
