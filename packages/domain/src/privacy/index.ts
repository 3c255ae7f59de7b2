// Public API of privacy: retention rules and the access review's rules.
export * from './retention.ts';
export * from './access-review.ts';
