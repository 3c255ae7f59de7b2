// One row of the population file (import-population.md).
import type { ColumnSpec } from './header.ts';
import type { ImportProblem } from './problems.ts';

export const populationImportColumns: readonly ColumnSpec[] = [
  { name: 'year', required: true },
  { name: 'municipality', required: true },
  { name: 'population', required: true },
];

/** Larger than any Swedish municipality, small enough for the database's integer. */
export const POPULATION_MAX = 100_000_000;

export interface PopulationFigure {
  year: number;
  municipalityCode: string;
  population: number;
}

/** Check one row against the members (kommunkod → name). */
export function checkPopulationRow(
  get: (column: string) => string,
  line: number,
  members: ReadonlyMap<string, string>,
): { row: PopulationFigure | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const yearText = get('year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (yearText === '') problems.push({ line, column: 'year', value: yearText, code: 'required' });
  else if (!(year >= 1900 && year <= 2200)) problems.push({ line, column: 'year', value: yearText, code: 'invalid_year' });

  const municipality = get('municipality');
  if (municipality === '') problems.push({ line, column: 'municipality', value: municipality, code: 'required' });
  else if (!members.has(municipality)) {
    problems.push({ line, column: 'municipality', value: municipality, code: 'not_member', detail: [...members].map(([code, name]) => `${code} ${name}`).join(', ') });
  }

  const populationText = get('population');
  const population = /^\d{1,9}$/.test(populationText) ? Number(populationText) : NaN;
  if (populationText === '') problems.push({ line, column: 'population', value: populationText, code: 'required' });
  else if (!(population >= 1 && population <= POPULATION_MAX)) problems.push({ line, column: 'population', value: populationText, code: 'invalid_population' });

  if (problems.length > 0) return { row: null, problems };
  return { row: { year, municipalityCode: municipality, population }, problems };
}
