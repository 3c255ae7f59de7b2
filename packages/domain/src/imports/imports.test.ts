import { describe, expect, it } from 'vitest';
import { caseImportColumns, checkCaseRow, parseReceivedAt, type CaseImportConfig } from './case-row.ts';
import { checkHeader, detectDelimiter } from './header.ts';
import { checkPopulationRow } from './population-row.ts';
import { formatProblem, problemCodes, describeProblem, type ImportProblem, type ProblemCode } from './problems.ts';

const config: CaseImportConfig = {
  memberCodes: new Set(['0160', '0187']),
  categoryCodes: new Set(['barn_unga', 'boende', 'ovrigt']),
  decisionCodes: new Set(['LVU43', 'LVU6']),
  timeZone: 'Europe/Stockholm',
  now: Date.parse('2026-11-23T20:00:00Z'),
};

const valid: Record<string, string> = {
  external_id: 'A-1',
  received_at: '2024-02-03 21:15',
  municipality: '0160',
  category: 'barn_unga',
  youth_crime: '1',
  source: 'polis',
  minutes: '45',
  closed_at_jour: '0',
  shelter_requested: '',
  shelter_granted: '',
  decisions: 'LVU43|LVU43|LVU6',
};
const row = (o: Record<string, string>) => (column: string) => ({ ...valid, ...o })[column] ?? '';

describe('detectDelimiter', () => {
  it.each<[string, ',' | ';']>([
    ['external_id,received_at,municipality', ','],
    ['external_id;received_at;municipality', ';'],
    ['"a;b",c,d', ','],
    ['external_id', ','],
    ['a;b,c;d', ';'],
  ])('%s → %s', (header, delimiter) => expect(detectDelimiter(header)).toBe(delimiter));
});

describe('checkHeader', () => {
  it.each<[string, string[], [ProblemCode, string][]]>([
    ['all columns in another order', ['category', 'municipality', 'received_at', 'external_id', 'decisions'], []],
    ['an unknown column', ['external_id', 'received_at', 'municipality', 'category', 'colour'], [['unknown_column', 'colour']]],
    ['a repeated column', ['external_id', 'received_at', 'municipality', 'category', 'minutes', 'minutes'], [['repeated_column', 'minutes']]],
    ['a missing required column', ['external_id', 'municipality', 'category'], [['missing_column', 'received_at']]],
    ['an empty column name', ['external_id', 'received_at', 'municipality', 'category', ''], [['unknown_column', '#5']]],
  ])('%s', (_what, fields, expected) => {
    const result = checkHeader(fields, caseImportColumns);
    expect(result.problems.map((p) => [p.code, p.column])).toEqual(expected);
    expect(result.problems.every((p) => p.line === 1)).toBe(true);
  });

  it('maps each column to its field', () => {
    expect(checkHeader([' category', 'external_id '], caseImportColumns).index.get('external_id')).toBe(1);
  });
});

describe('parseReceivedAt', () => {
  it.each<[string, string | null]>([
    ['2024-02-03 21:15', '2024-02-03T20:15:00Z'],
    ['2024-07-03 21:15', '2024-07-03T19:15:00Z'],
    ['2024-07-03 21:15:30', '2024-07-03T19:15:30Z'],
    // spring gap: 02:30 does not exist on 31 March 2024, moves forward
    ['2024-03-31 02:30', '2024-03-31T01:30:00Z'],
    // autumn: 02:30 happens twice on 27 October 2024, the first one
    ['2024-10-27 02:30', '2024-10-27T00:30:00Z'],
    ['2024-02-03T21:15:00+01:00', '2024-02-03T20:15:00Z'],
    ['2024-02-03T20:15:00Z', '2024-02-03T20:15:00Z'],
    ['2024-02-03 21:15+01:00', '2024-02-03T20:15:00Z'],
    ['2024-02-30 21:15', null],
    ['2024-02-03 24:15', null],
    ['2024-02-03T21:15:00', null],
    ['2024-02-03', null],
    ['3/2/2024 21:15', null],
    ['2024-02-03 21:15:61', null],
    ['2024-02-29 12:00', '2024-02-29T11:00:00Z'],
    ['2023-02-29 12:00', null],
    ['2024-10-27 02:30:15', '2024-10-27T00:30:15Z'],
    ['2024-02-03T21:15:00.123456+01:00', '2024-02-03T20:15:00.123Z'],
    ['2024-02-03T21:15:00-05:30', '2024-02-04T02:45:00Z'],
    ['2024-02-03T21:15:00+24:00', null],
    ['2024-13-03T21:15:00Z', null],
  ])('%s → %s', (value, expected) => {
    const instant = parseReceivedAt(value, 'Europe/Stockholm');
    expect(instant === null ? null : new Date(instant).toISOString().replace('.000Z', 'Z')).toBe(expected);
  });
});

describe('checkCaseRow', () => {
  it('turns a valid row into a case', () => {
    const { row: r, problems } = checkCaseRow(row({}), 2, config);
    expect(problems).toEqual([]);
    expect(r).toEqual({
      externalId: 'A-1',
      receivedAt: '2024-02-03T20:15:00.000Z',
      municipalityCode: '0160',
      isMember: true,
      categoryCode: 'barn_unga',
      youthCrime: true,
      source: 'polis',
      minutes: 45,
      closedAtJour: false,
      shelterRequested: false,
      shelterGranted: false,
      decisions: { LVU43: 2, LVU6: 1 },
    });
  });

  it('fills in empty optional cells', () => {
    const { row: r } = checkCaseRow(row({ youth_crime: '', source: '', minutes: '', decisions: '', closed_at_jour: '1', municipality: '0180' }), 2, config);
    expect(r).toMatchObject({ youthCrime: false, source: 'ovrig', minutes: 0, decisions: {}, closedAtJour: true, municipalityCode: '0180', isMember: false });
  });

  it.each<[string, Record<string, string>, [string, ProblemCode][]]>([
    ['no id', { external_id: '' }, [['external_id', 'required']]],
    ['a long id', { external_id: 'x'.repeat(101) }, [['external_id', 'too_long']]],
    ['a bad date', { received_at: '2024-02-30 21:00' }, [['received_at', 'invalid_time']]],
    ['a future date', { received_at: '2027-01-01 10:00' }, [['received_at', 'future_time']]],
    ['an invalid kommunkod', { municipality: '9999' }, [['municipality', 'invalid_kommunkod']]],
    ['a three-digit kommunkod', { municipality: '160' }, [['municipality', 'invalid_kommunkod']]],
    ['an unknown category', { category: 'okand', youth_crime: '' }, [['category', 'unknown_category']]],
    ['youth crime with another category', { category: 'boende' }, [['youth_crime', 'youth_crime_category']]],
    ['a flag that is not 0/1', { closed_at_jour: 'ja' }, [['closed_at_jour', 'invalid_flag']]],
    ['granted without a request', { shelter_granted: '1', shelter_requested: '0' }, [['shelter_granted', 'granted_without_request']]],
    ['an unknown source', { source: 'brevduva' }, [['source', 'unknown_source']]],
    ['negative minutes', { minutes: '-5' }, [['minutes', 'invalid_minutes']]],
    ['fractional minutes', { minutes: '4.5' }, [['minutes', 'invalid_minutes']]],
    ['too many minutes', { minutes: '100001' }, [['minutes', 'invalid_minutes']]],
    ['an unknown decision', { decisions: 'LVU43|LVM99' }, [['decisions', 'unknown_decision']]],
    ['an empty decision', { decisions: 'LVU43||LVU6' }, [['decisions', 'empty_decision']]],
    [
      'several problems in one row',
      { received_at: 'igår', category: 'boende', shelter_granted: '1' },
      [
        ['received_at', 'invalid_time'],
        ['youth_crime', 'youth_crime_category'],
        ['shelter_granted', 'granted_without_request'],
      ],
    ],
  ])('%s', (_what, cells, expected) => {
    const { row: r, problems } = checkCaseRow(row(cells), 7, config);
    expect(r).toBeNull();
    expect(problems.map((p) => [p.column, p.code])).toEqual(expected);
    expect(problems.every((p) => p.line === 7)).toBe(true);
  });
});

describe('checkPopulationRow', () => {
  const members = new Map([
    ['0160', 'Täby'],
    ['0187', 'Vaxholm'],
  ]);
  const get = (o: Record<string, string>) => (column: string) => ({ year: '2024', municipality: '0160', population: '75000', ...o })[column] ?? '';

  it('accepts a member, a year and a positive number', () => {
    expect(checkPopulationRow(get({}), 2, members)).toEqual({ row: { year: 2024, municipalityCode: '0160', population: 75000 }, problems: [] });
  });

  it.each<[string, Record<string, string>, [string, ProblemCode][]]>([
    ['a non-member', { municipality: '0180' }, [['municipality', 'not_member']]],
    ['zero people', { population: '0' }, [['population', 'invalid_population']]],
    ['a negative figure', { population: '-3' }, [['population', 'invalid_population']]],
    ['a figure with a space', { population: '75 000' }, [['population', 'invalid_population']]],
    ['a two-digit year', { year: '24' }, [['year', 'invalid_year']]],
    ['nothing', { year: '', municipality: '', population: '' }, [['year', 'required'], ['municipality', 'required'], ['population', 'required']]],
  ])('%s', (_what, cells, expected) => {
    expect(checkPopulationRow(get(cells), 3, members).problems.map((p) => [p.column, p.code])).toEqual(expected);
  });
});

describe('problems', () => {
  it.each<[ImportProblem, string]>([
    [{ line: 4, column: 'received_at', value: '2024-02-30 21:00', code: 'invalid_time' }, 'line 4, column received_at: value "2024-02-30 21:00": expected YYYY-MM-DD HH:MM (Swedish local time) or RFC 3339 with an offset'],
    [{ line: 1, column: 'colour', value: 'colour', code: 'unknown_column', detail: 'a, b' }, 'line 1, column colour: value "colour": unknown column (the columns are: a, b)'],
    [{ line: 9, column: null, value: '', code: 'field_count', detail: '3/11' }, 'line 9: the row has 3 fields, the header has 11'],
  ])('formats %j', (problem, text) => expect(formatProblem(problem)).toBe(text));

  it('says it in Swedish too', () => {
    expect(formatProblem({ line: 4, column: 'minutes', value: '-1', code: 'invalid_minutes', detail: '100000' }, 'sv')).toBe('rad 4, kolumn minutes: värde "-1": ange hela minuter från 0 till 100000');
    for (const code of problemCodes) expect(describeProblem({ line: 1, column: 'c', value: '', code, detail: '1/2' }, 'sv').length).toBeGreaterThan(5);
  });
});
