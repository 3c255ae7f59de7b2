export * from './roles.ts';
export * from './can.ts';
