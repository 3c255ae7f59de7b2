import {
  CalendarQuery,
  CategoryInput,
  DecisionTypeInput,
  MunicipalityInput,
  Organisation,
  OrganisationUpdate,
  UnitStatus,
} from '@jourbok/contracts';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Organisation'];

export function registerOrganisationRoutes(api: Api, deps: Deps) {
  api.get('/api/organisation', {
    config: { access: { permission: 'organisation.read' } },
    schema: { tags, summary: 'The organisation with its members, categories and decision types', response: { 200: Organisation } },
    handler: (req) => run(deps, req, (ctx) => service.getOrganisation(ctx)),
  });

  api.put('/api/organisation', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Change the organisation and its calendar', body: OrganisationUpdate, response: { 200: Organisation } },
    handler: (req) => run(deps, req, (ctx) => service.updateOrganisation(ctx, req.body)),
  });

  api.post('/api/organisation/municipalities', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Add a municipality', body: MunicipalityInput, response: { 200: Organisation } },
    handler: (req) => run(deps, req, (ctx) => service.saveMunicipality(ctx, req.body, true)),
  });

  api.put('/api/organisation/municipalities/:code', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Change a municipality', params: z.object({ code: z.string() }), body: MunicipalityInput, response: { 200: Organisation } },
    handler: (req) => {
      if (req.params.code !== req.body.code) throw new AppError('validation', 'Kommunkoden kan inte ändras.', 'code');
      return run(deps, req, (ctx) => service.saveMunicipality(ctx, req.body, false));
    },
  });

  api.post('/api/organisation/categories', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Add a category', body: CategoryInput, response: { 200: Organisation } },
    handler: (req) => run(deps, req, (ctx) => service.saveCategory(ctx, req.body, true)),
  });

  api.put('/api/organisation/categories/:code', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Change a category', params: z.object({ code: z.string() }), body: CategoryInput, response: { 200: Organisation } },
    handler: (req) => {
      if (req.params.code !== req.body.code) throw new AppError('validation', 'Koden kan inte ändras.', 'code');
      return run(deps, req, (ctx) => service.saveCategory(ctx, req.body, false));
    },
  });

  api.post('/api/organisation/decision-types', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Add a decision type', body: DecisionTypeInput, response: { 200: Organisation } },
    handler: (req) => run(deps, req, (ctx) => service.saveDecisionType(ctx, req.body, true)),
  });

  api.put('/api/organisation/decision-types/:code', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Change a decision type and its legal bases', params: z.object({ code: z.string() }), body: DecisionTypeInput, response: { 200: Organisation } },
    handler: (req) => {
      if (req.params.code !== req.body.code) throw new AppError('validation', 'Koden kan inte ändras.', 'code');
      return run(deps, req, (ctx) => service.saveDecisionType(ctx, req.body, false));
    },
  });

  api.get('/api/status', {
    config: { access: { permission: 'status.read' } },
    schema: { tags, summary: 'Is the unit open, on standby or closed right now, and when does that change', response: { 200: UnitStatus } },
    handler: (req) => run(deps, req, (ctx) => service.getUnitStatus(ctx)),
  });

  api.get('/api/calendar', {
    config: { access: { permission: 'calendar.read' } },
    schema: { tags, summary: 'Day types, standby and open windows (the calendar contract)', querystring: CalendarQuery },
    handler: (req) => run(deps, req, (ctx) => service.getCalendar(ctx, req.query.from, req.query.to)),
  });
}
