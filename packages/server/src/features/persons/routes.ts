import { IdParams, PersonDetails, PersonInput, PersonSearchRequest, PersonSearchResponse, PersonUpdate, RevealRequest } from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Persons'];

export function registerPersonRoutes(api: Api, deps: Deps) {
  api.post('/api/persons/search', {
    config: { access: { permission: 'persons.read', personalData: true } },
    schema: { tags, summary: 'Search persons by personnummer, birth date or name (body, never URL)', body: PersonSearchRequest, response: { 200: PersonSearchResponse } },
    handler: (req) => run(deps, req, (ctx) => service.searchPersons(ctx, req.body.query)),
  });
  api.get('/api/persons/:id', {
    config: { access: { permission: 'persons.read', personalData: true } },
    schema: { tags, summary: "A person with earlier cases; a protected person's details stay hidden", params: IdParams, response: { 200: PersonDetails } },
    handler: (req) => run(deps, req, (ctx) => service.getPerson(ctx, req.params.id)),
  });
  api.post('/api/persons/:id/reveal', {
    config: { access: { permission: 'persons.read', personalData: true } },
    schema: { tags, summary: "Break the glass: a protected person's details, with a stated reason", params: IdParams, body: RevealRequest, response: { 200: PersonDetails } },
    handler: (req) => run(deps, req, (ctx) => service.revealPerson(ctx, req.params.id, req.body.reason)),
  });
  api.post('/api/persons', {
    config: { access: { permission: 'persons.write', personalData: true } },
    schema: { tags, summary: 'Create a person (refused when the identity number exists or similar names need a look)', body: PersonInput, response: { 200: PersonDetails } },
    handler: (req) => run(deps, req, (ctx) => service.createPersonAndRead(ctx, req.body)),
  });
  api.put('/api/persons/:id', {
    config: { access: { permission: 'persons.write', personalData: true } },
    schema: { tags, summary: 'Change a person', params: IdParams, body: PersonUpdate, response: { 200: PersonDetails } },
    handler: (req) => run(deps, req, (ctx) => service.updatePerson(ctx, req.params.id, req.body)),
  });
}
