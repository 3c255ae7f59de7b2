// What can be wrong in an import file, with the words for it in English (the
// command line) and Swedish (the web). Every problem names its line and column.

export const problemCodes = [
  'empty_file',
  'unknown_column',
  'missing_column',
  'repeated_column',
  'field_count',
  'bad_quotes',
  'not_utf8',
  'required',
  'too_long',
  'duplicate_id',
  'invalid_time',
  'future_time',
  'invalid_kommunkod',
  'unknown_category',
  'invalid_flag',
  'youth_crime_category',
  'unknown_source',
  'invalid_minutes',
  'granted_without_request',
  'unknown_decision',
  'empty_decision',
  'invalid_year',
  'not_member',
  'invalid_population',
  'duplicate_population',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/** One error in an import file. `column` is the header name; row-level problems have none. */
export interface ImportProblem {
  /** 1-based line of the file (the header is line 1) */
  line: number;
  column: string | null;
  value: string;
  code: ProblemCode;
  /** what the message needs besides the value: the allowed values, a line number, `found/expected` field counts… */
  detail?: string;
}

const english: Record<ProblemCode, (d: string) => string> = {
  empty_file: () => 'the file is empty: the first row must be the header',
  unknown_column: (d) => `unknown column (the columns are: ${d})`,
  missing_column: () => 'a required column is missing',
  repeated_column: () => 'the column appears more than once in the header',
  field_count: (d) => `the row has ${d.split('/')[0]} fields, the header has ${d.split('/')[1]}`,
  bad_quotes: (d) => `the row is not valid CSV (RFC 4180 quoting): ${d}`,
  not_utf8: () => 'the text is not UTF-8 (save the file as "CSV UTF-8")',
  required: () => 'a value is required',
  too_long: (d) => `longer than ${d} characters`,
  duplicate_id: (d) => `the id appears more than once in the file (first on line ${d})`,
  invalid_time: () => 'expected YYYY-MM-DD HH:MM (Swedish local time) or RFC 3339 with an offset',
  future_time: () => 'the time is in the future',
  invalid_kommunkod: () => 'not a kommunkod (4 digits, county 01–25)',
  unknown_category: (d) => `not a category of the organisation (${d})`,
  invalid_flag: () => 'expected 0 or 1',
  youth_crime_category: () => 'youth_crime 1 is only allowed with category barn_unga',
  unknown_source: (d) => `not a source (${d})`,
  invalid_minutes: (d) => `expected whole minutes from 0 to ${d}`,
  granted_without_request: () => 'shelter_granted 1 is only allowed with shelter_requested 1',
  unknown_decision: (d) => `not a decision code of the organisation (${d})`,
  empty_decision: () => 'an empty decision code (two | in a row, or one at the start or end)',
  invalid_year: () => 'expected a year from 1900 to 2200',
  not_member: (d) => `not a member's kommunkod (${d})`,
  invalid_population: () => 'expected a positive whole number',
  duplicate_population: (d) => `this year and municipality already appear on line ${d}`,
};

const swedish: Record<ProblemCode, (d: string) => string> = {
  empty_file: () => 'filen är tom: första raden ska vara rubrikraden',
  unknown_column: (d) => `okänd kolumn (kolumnerna är: ${d})`,
  missing_column: () => 'en obligatorisk kolumn saknas',
  repeated_column: () => 'kolumnen finns mer än en gång i rubrikraden',
  field_count: (d) => `raden har ${d.split('/')[0]} fält, rubrikraden har ${d.split('/')[1]}`,
  bad_quotes: () => 'raden är inte giltig CSV (citattecknen)',
  not_utf8: () => 'texten är inte UTF-8 (spara filen som ”CSV UTF-8”)',
  required: () => 'värde saknas',
  too_long: (d) => `längre än ${d} tecken`,
  duplicate_id: (d) => `id:t finns mer än en gång i filen (första gången på rad ${d})`,
  invalid_time: () => 'ange ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller RFC 3339 med tidszon',
  future_time: () => 'tiden ligger i framtiden',
  invalid_kommunkod: () => 'ingen kommunkod (fyra siffror, län 01–25)',
  unknown_category: (d) => `ingen kategori i organisationen (${d})`,
  invalid_flag: () => 'ange 0 eller 1',
  youth_crime_category: () => 'youth_crime 1 får bara anges med kategorin barn_unga',
  unknown_source: (d) => `ingen giltig kontaktväg (${d})`,
  invalid_minutes: (d) => `ange hela minuter från 0 till ${d}`,
  granted_without_request: () => 'shelter_granted 1 får bara anges med shelter_requested 1',
  unknown_decision: (d) => `ingen beslutstyp i organisationen (${d})`,
  empty_decision: () => 'tom beslutskod (två | i rad, eller | först eller sist)',
  invalid_year: () => 'ange ett år från 1900 till 2200',
  not_member: (d) => `ingen medlemskommuns kommunkod (${d})`,
  invalid_population: () => 'ange ett positivt heltal',
  duplicate_population: (d) => `samma år och kommun finns redan på rad ${d}`,
};

/** Why the value is wrong, in English (command line) or Swedish (web). */
export function describeProblem(problem: ImportProblem, language: 'en' | 'sv'): string {
  return (language === 'en' ? english : swedish)[problem.code](problem.detail ?? '');
}

/** A value as it is quoted in a message: JSON-escaped, at most 60 characters. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** `line 4, column received_at: value "2024-02-30 21:00": expected …` (or `line 4: …` for a whole row). */
export function formatProblem(problem: ImportProblem, language: 'en' | 'sv' = 'en'): string {
  const where = language === 'en' ? `line ${problem.line}` : `rad ${problem.line}`;
  if (problem.column === null) return `${where}: ${describeProblem(problem, language)}`;
  return `${where}, ${language === 'en' ? 'column' : 'kolumn'} ${problem.column}: ${language === 'en' ? 'value' : 'värde'} ${quoteValue(problem.value)}: ${describeProblem(problem, language)}`;
}
