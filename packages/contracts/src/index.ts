export * from './common.ts';
export * from './auth.ts';
export * from './organisation.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './identity-providers.ts';
