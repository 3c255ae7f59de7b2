import { z } from 'zod';

// Validation messages that the contracts do not spell out come in Swedish.
z.config(z.locales.sv());

export * from './common.ts';
export * from './auth.ts';
export * from './organisation.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './identity-providers.ts';
export * from './persons.ts';
export * from './cases.ts';
export * from './statistics.ts';
export * from './notice-views.ts';
export * from './notices.ts';
export * from './assignments.ts';
export * from './signatures.ts';
export * from './collaboration.ts';
export * from './roster.ts';
export * from './money.ts';
export * from './privacy.ts';
export * from './quality.ts';
export * from './plans.ts';
