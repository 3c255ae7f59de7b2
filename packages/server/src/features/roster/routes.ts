import {
  AssignmentAddInput,
  AssignmentMoveInput,
  AssignmentParams,
  CallOutInput,
  CallOutList,
  CallOutResult,
  IdParams,
  RosterGenerateInput,
  RosterList,
  RosterView,
  StaffDatesInput,
  StaffInput,
  StaffList,
  StaffMember,
  StaffUpdate,
  RosterVersionInput,
} from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Staffing'];

export function registerRosterRoutes(api: Api, deps: Deps) {
  api.get('/api/staff', {
    config: { access: { permission: 'staff.manage', personalData: true } },
    schema: { tags, summary: 'Staff: regular employees (employment rate, contact municipality, qualifications, absences and wishes) and hourly substitutes (availability)', response: { 200: StaffList } },
    handler: (req) => run(deps, req, (ctx) => service.listStaff(ctx)),
  });
  api.post('/api/staff', {
    config: { access: { permission: 'staff.manage', personalData: true } },
    schema: { tags, summary: 'Add a staff member or an hourly substitute', body: StaffInput, response: { 200: StaffMember } },
    handler: (req) => run(deps, req, (ctx) => service.createStaff(ctx, req.body)),
  });
  api.put('/api/staff/:id', {
    config: { access: { permission: 'staff.manage', personalData: true } },
    schema: { tags, summary: 'Change a staff member', params: IdParams, body: StaffUpdate, response: { 200: StaffMember } },
    handler: (req) => run(deps, req, (ctx) => service.updateStaff(ctx, req.params.id, req.body)),
  });
  api.post('/api/staff/:id/dates', {
    config: { access: { permission: 'staff.manage', personalData: true } },
    schema: { tags, summary: 'Add or remove dates: absences and wishes of regular staff, availability of substitutes', params: IdParams, body: StaffDatesInput, response: { 200: StaffMember } },
    handler: (req) => run(deps, req, (ctx) => service.changeStaffDates(ctx, req.params.id, req.body)),
  });

  api.get('/api/rosters', {
    config: { access: { permission: 'roster.read' } },
    schema: { tags, summary: 'Rosters, newest first', response: { 200: RosterList } },
    handler: (req) => run(deps, req, (ctx) => service.listRosters(ctx)),
  });
  api.post('/api/rosters', {
    config: { access: { permission: 'roster.manage', personalData: true } },
    schema: {
      tags,
      summary: 'Generate a rotation (up to 12 weeks from a Monday) with the HiGHS MIP solver; requirements it cannot meet are listed in `problems`',
      body: RosterGenerateInput,
      response: { 200: RosterView },
    },
    handler: (req) => {
      if (!req.principal) throw new AppError('unauthenticated', 'Du är inte inloggad.');
      return service.generateRoster(deps, req.principal, req.id, req.body);
    },
  });
  api.get('/api/rosters/:id', {
    config: { access: { permission: 'roster.read', personalData: true } },
    schema: { tags, summary: 'A roster: grid, hours per person, every broken rule, gaps with substitute proposals, call-outs', params: IdParams, response: { 200: RosterView } },
    handler: (req) => run(deps, req, (ctx) => service.getRoster(ctx, req.params.id)),
  });
  api.post('/api/rosters/:id/publish', {
    config: { access: { permission: 'roster.manage', personalData: true } },
    schema: { tags, summary: 'Publish a roster (at least 14 days before it starts, without broken rest rules)', params: IdParams, body: RosterVersionInput, response: { 200: RosterView } },
    handler: (req) => run(deps, req, (ctx) => service.publishRoster(ctx, req.params.id, req.body.version)),
  });
  api.post('/api/rosters/:id/assignments', {
    config: { access: { permission: 'roster.manage', personalData: true } },
    schema: { tags, summary: 'Put someone on a shift (e.g. a proposed substitute on a gap)', params: IdParams, body: AssignmentAddInput, response: { 200: RosterView } },
    handler: (req) => run(deps, req, (ctx) => service.addAssignment(ctx, req.params.id, req.body)),
  });
  api.put('/api/rosters/:id/assignments/:assignmentId', {
    config: { access: { permission: 'roster.manage', personalData: true } },
    schema: { tags, summary: 'Move a shift to another date or person; the roster comes back with every rule it now breaks', params: AssignmentParams, body: AssignmentMoveInput, response: { 200: RosterView } },
    handler: (req) => run(deps, req, (ctx) => service.moveAssignment(ctx, req.params.id, req.params.assignmentId, req.body)),
  });
  api.post('/api/rosters/:id/assignments/:assignmentId/remove', {
    config: { access: { permission: 'roster.manage', personalData: true } },
    schema: { tags, summary: 'Take someone off a shift', params: AssignmentParams, body: RosterVersionInput, response: { 200: RosterView } },
    handler: (req) => run(deps, req, (ctx) => service.removeAssignment(ctx, req.params.id, req.params.assignmentId, req.body.version)),
  });

  api.get('/api/callouts', {
    config: { access: { permission: 'callouts.write', personalData: true } },
    schema: { tags, summary: 'Standby call-outs of the last 14 days, with the rest they break and substitutes to call', response: { 200: CallOutList } },
    handler: (req) => run(deps, req, (ctx) => service.listCallOuts(ctx)),
  });
  api.post('/api/callouts', {
    config: { access: { permission: 'callouts.write', personalData: true } },
    schema: { tags, summary: 'Record a standby call-out (called, started, back); the answer says whose next shift lost its rest and proposes substitutes', body: CallOutInput, response: { 200: CallOutResult } },
    handler: (req) => run(deps, req, (ctx) => service.recordCallOut(ctx, req.body)),
  });
}
