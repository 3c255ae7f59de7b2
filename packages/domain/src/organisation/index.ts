export * from './types.ts';
export * from './presets.ts';
