export * from './access/index.ts';
export * from './audit/index.ts';
export * from './calendar/index.ts';
export * from './organisation/index.ts';
export * from './persons/index.ts';
export * from './cases/index.ts';
export * from './decisions/index.ts';
export * from './money/ore.ts';
