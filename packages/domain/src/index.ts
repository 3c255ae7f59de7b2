export * from './access/index.ts';
export * from './audit/index.ts';
export * from './calendar/index.ts';
export * from './organisation/index.ts';
