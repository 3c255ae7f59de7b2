// Public API of statistics: report periods, the report JSON, small-number protection, tables, CSV and text.
export {
  comparisonYears,
  isReportYear,
  isTertial,
  periodDescription,
  periodTitle,
  reportPeriod,
  tertialOf,
  type Period,
  type ReportKind,
  type Tertial,
} from './period.ts';
export {
  isReportMunicipality,
  municipalityBucket,
  OTHER_MUNICIPALITY,
  OTHER_MUNICIPALITY_NAME,
  shapeReport,
  shareOf,
  sortMembers,
  YOUTH_CATEGORY,
  YOUTH_CRIME_ROW,
  YOUTH_CRIME_ROW_NAME,
  type ByYear,
  type CaseCount,
  type DecisionCount,
  type ReportOrganisation,
  type ReportRequest,
  type StatisticsReport,
} from './report.ts';
export { protectReport, suppressedCells, type ProtectedReport } from './suppression.ts';
export { formatCell, formatPercent, HIDDEN, reportTables, scopeName, type ReportDocument, type ReportTable, type TableCell, type TableRow } from './tables.ts';
export { csvField, formatReportCsv, formatReportText, toCsv, UTF8_BOM } from './format.ts';
