// Public API of plans: the year's plan, follow-ups per tertial and year, the dashboard's comparison.
export * from './plans.ts';
