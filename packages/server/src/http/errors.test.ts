import { describe, expect, it } from 'vitest';
import { isDatabaseDown, isStorageFull } from './errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseDown: which failures answer 503 "Databasen svarar inte"', () => {
  it.each([
    ['refused connection', withCode('ECONNREFUSED'), true],
    ['reset connection', withCode('ECONNRESET'), true],
    ['admin shutdown (PostgreSQL stopped)', withCode('57P01'), true],
    ['cannot connect now (starting up)', withCode('57P03'), true],
    ['connection failure', withCode('08006'), true],
    ['pg: dropped connection, no code', new Error('Connection terminated unexpectedly'), true],
    ['pg: pool full and server gone, no code', new Error('timeout exceeded when trying to connect'), true],
    ['unique violation', withCode('23505', 'duplicate key'), false],
    ['serialization failure', withCode('40001'), false],
    ['a coded error that merely mentions a connection', withCode('42601', 'Connection terminated'), false],
    ['a programming error', new TypeError('x is undefined'), false],
    ['not an error', 'Connection terminated', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isDatabaseDown(error)).toBe(expected);
  });
});

describe('isStorageFull: the database disk is full (507, "Disken … är full")', () => {
  it.each([
    ['disk_full from PostgreSQL or PGlite', withCode('53100', 'could not extend file'), true],
    ['out of memory is something else', withCode('53200'), false],
    ['a refused connection is something else', withCode('ECONNREFUSED'), false],
    ['no code', new Error('No space left on device'), false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isStorageFull(error)).toBe(expected);
  });
});
