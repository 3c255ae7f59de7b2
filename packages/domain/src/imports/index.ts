// Public API of imports: the header, the rows of case and population files, and their problems.
export { checkHeader, detectDelimiter, type ColumnSpec, type HeaderResult } from './header.ts';
export {
  caseImportColumns,
  checkCaseRow,
  EXTERNAL_ID_MAX_LENGTH,
  importSources,
  MINUTES_MAX,
  parseReceivedAt,
  type CaseImportConfig,
  type ImportedCase,
  type ImportSource,
} from './case-row.ts';
export { checkPopulationRow, POPULATION_MAX, populationImportColumns, type PopulationFigure } from './population-row.ts';
export { describeProblem, formatProblem, problemCodes, quoteValue, type ImportProblem, type ProblemCode } from './problems.ts';
