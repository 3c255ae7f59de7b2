import { IdParams, PasswordReset, User, UserCreate, UserCreated, UserUpdate } from '@jourbok/contracts';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Users'];

export function registerUserRoutes(api: Api, deps: Deps) {
  api.get('/api/users', {
    config: { access: { permission: 'users.read', personalData: true } },
    schema: { tags, summary: 'All users of the organisation', response: { 200: z.array(User) } },
    handler: (req) => run(deps, req, (ctx) => service.listUsers(ctx)),
  });
  api.get('/api/users/:id', {
    config: { access: { permission: 'users.read', personalData: true } },
    schema: { tags, summary: 'One user', params: IdParams, response: { 200: User } },
    handler: (req) => run(deps, req, (ctx) => service.getUser(ctx, req.params.id)),
  });
  api.post('/api/users', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags, summary: 'Create a local account with a one-time password', body: UserCreate, response: { 200: UserCreated } },
    handler: (req) => run(deps, req, (ctx) => service.createUser(ctx, req.body)),
  });
  api.put('/api/users/:id', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags, summary: 'Change a user (role, municipality, active)', params: IdParams, body: UserUpdate, response: { 200: User } },
    handler: (req) => run(deps, req, (ctx) => service.updateUser(ctx, req.params.id, req.body)),
  });
  api.post('/api/users/:id/unlock', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags, summary: 'Unlock an account locked by wrong passwords', params: IdParams, response: { 200: User } },
    handler: (req) => run(deps, req, (ctx) => service.unlockUser(ctx, req.params.id)),
  });
  api.post('/api/users/:id/reset-password', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags, summary: 'Give the user a new one-time password', params: IdParams, response: { 200: PasswordReset } },
    handler: (req) => run(deps, req, (ctx) => service.resetPassword(ctx, req.params.id)),
  });
  api.post('/api/users/:id/reset-totp', {
    config: { access: { permission: 'users.manage' } },
    schema: { tags, summary: 'Remove the second factor so the user enrols a new one', params: IdParams, response: { 200: User } },
    handler: (req) => run(deps, req, (ctx) => service.resetTotp(ctx, req.params.id)),
  });
}
