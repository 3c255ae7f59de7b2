// The report as tables for people (CSV, XLSX, PDF, text): Swedish headings,
// counts with percentages as in the tertial report, hidden small numbers as "< N" (or "x").
import { periodDescription, periodTitle } from './period.ts';
import { OTHER_MUNICIPALITY, OTHER_MUNICIPALITY_NAME, YOUTH_CRIME_ROW, type ByYear, type StatisticsReport } from './report.ts';
import type { ProtectedReport } from './suppression.ts';

/** One cell: a count, a share (0–1), or both; either may be hidden (small-number protection). */
export interface TableCell {
  count: number | null;
  share: number | null;
  countHidden: boolean;
  shareHidden: boolean;
  /** what a hidden count shows: "< 5" for a count below the threshold, else (hidden so it cannot be worked out) "x" */
  hiddenAs?: string;
}

export interface TableRow {
  label: string;
  /** a sub-row ("varav kriminalitet") */
  indent: boolean;
  /** a total row, left out of charts */
  isTotal: boolean;
  /** one cell per year, oldest first */
  cells: TableCell[];
}

export interface ReportTable {
  key: 'municipalities' | 'categories' | 'decisions' | 'keyFigures';
  title: string;
  /** heading of the label column */
  rowHeading: string;
  /** what a chart of the table draws: counts, or shares in per cent */
  chart: 'count' | 'share';
  rows: TableRow[];
}

export interface ReportDocument {
  organisation: string;
  /** "Tertialrapport 1 2024" */
  title: string;
  /** "januari–april 2024 (2024-01-01–2024-04-30), jämfört med samma period 2022 och 2023" */
  subtitle: string;
  /** "Bilaga: Täby (0160)", or null for the whole jour */
  scope: string | null;
  years: string[];
  tables: ReportTable[];
  /** the explanation of "< N" and "x", when cells are hidden */
  note: string | null;
}

/** Marker shown instead of a hidden number. */
export const HIDDEN = 'x';

/** Whole per cent, Swedish style: "9 %". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "70 (9 %)", "70", "40 %", or for a hidden count "< 5" (below the threshold) or "x" (hidden so it cannot be worked out). */
export function formatCell(cell: TableCell): string {
  if (cell.count !== null) {
    if (cell.countHidden) return cell.hiddenAs ?? HIDDEN;
    if (cell.share === null || cell.shareHidden) return String(cell.count);
    return `${cell.count} (${formatPercent(cell.share)})`;
  }
  if (cell.share !== null) return cell.shareHidden ? HIDDEN : formatPercent(cell.share);
  return '';
}

/** The name of the report's scope, e.g. "Täby (0160)" or "Annan kommun". */
export function scopeName(report: StatisticsReport): string | null {
  if (report.municipality === null) return null;
  const row = report.byMunicipality.find((m) => m.code === report.municipality);
  if (report.municipality === OTHER_MUNICIPALITY) return OTHER_MUNICIPALITY_NAME;
  return row ? `${row.name} (${row.code})` : report.municipality;
}

/** Build the tables people read from the report JSON. */
export function reportTables(report: ProtectedReport): ReportDocument {
  const hidden = new Set(report.suppressed ?? []);
  const years = report.years.map(String);
  const below = report.suppressBelow ?? 0;
  const cells = (counts: ByYear | null, shares: ByYear | null, countPointer: string | null, sharePointer: string | null): TableCell[] =>
    years.map((y) => {
      const count = counts ? (counts[y] ?? 0) : null;
      const countHidden = countPointer !== null && hidden.has(`${countPointer}/${y}`);
      return {
        count,
        share: shares ? (shares[y] ?? 0) : null,
        countHidden,
        shareHidden: sharePointer !== null && hidden.has(`${sharePointer}/${y}`),
        ...(countHidden ? { hiddenAs: count !== null && count > 0 && count < below ? `< ${below}` : HIDDEN } : {}),
      };
    });
  const row = (label: string, c: TableCell[], opts: { indent?: boolean; isTotal?: boolean } = {}): TableRow => ({ label, indent: opts.indent ?? false, isTotal: opts.isTotal ?? false, cells: c });
  const totalShares = (counts: ByYear): ByYear => Object.fromEntries(years.map((y) => [y, (report.cases[y] ?? 0) === 0 ? 0 : (counts[y] ?? 0) / report.cases[y]!]));
  // A category's share of all cases is hidden when its count or the total is.
  const categoryShareHidden = (i: number) => `/byCategory/${i}/share`;
  for (const y of years) {
    report.byCategory.forEach((_c, i) => {
      if (hidden.has(`/cases/${y}`) || hidden.has(`/byCategory/${i}/cases/${y}`)) hidden.add(`${categoryShareHidden(i)}/${y}`);
    });
  }

  const tables: ReportTable[] = [
    {
      key: 'municipalities',
      title: 'Antal ärenden per kommun',
      rowHeading: 'Kommun',
      chart: 'count',
      rows: [
        row('Antal ärenden', cells(report.cases, null, '/cases', null), { isTotal: true }),
        ...report.byMunicipality.map((m, i) => row(m.name, cells(m.cases, m.share, `/byMunicipality/${i}/cases`, `/byMunicipality/${i}/share`))),
      ],
    },
    {
      key: 'categories',
      title: 'Antal ärenden utifrån karaktär',
      rowHeading: 'Karaktär',
      chart: 'count',
      rows: report.byCategory.map((c, i) =>
        row(c.name, cells(c.cases, totalShares(c.cases), `/byCategory/${i}/cases`, categoryShareHidden(i)), { indent: c.code === YOUTH_CRIME_ROW }),
      ),
    },
    {
      key: 'decisions',
      title: 'Beslut',
      rowHeading: 'Beslut',
      chart: 'count',
      rows: report.decisions.map((d, i) => row(d.name, cells(d.count, null, `/decisions/${i}/count`, null))),
    },
    {
      key: 'keyFigures',
      title: 'Boende, avslut på jouren och barn och unga',
      rowHeading: 'Nyckeltal',
      chart: 'share',
      rows: [
        row('Sökt boende (logi)', cells(report.shelter.requested, null, '/shelter/requested', null)),
        row('Beviljat boende, andel av sökta', cells(report.shelter.granted, report.shelter.grantedShare, '/shelter/granted', '/shelter/grantedShare')),
        row('Handlagda och avslutade på jouren', cells(report.closedAtJour.cases, report.closedAtJour.share, '/closedAtJour/cases', '/closedAtJour/share')),
        row('Andel ärenden som rör barn och unga', cells(null, report.youthShare, null, '/youthShare')),
      ],
    },
  ];

  const [y0, y1] = years;
  return {
    organisation: report.organisation,
    title: periodTitle(report.kind, report.year, report.tertial),
    subtitle: `${periodDescription(report.kind, report.year, report.tertial)} (${report.from}–${report.to}), jämfört med ${report.kind === 'year' ? '' : 'samma period '}${y0} och ${y1}`,
    scope: report.municipality === null ? null : `Bilaga: ${scopeName(report)}`,
    years,
    tables,
    note:
      report.suppressed && report.suppressed.length > 0
        ? `< ${below} = färre än ${below} ärenden, dolt för att skydda enskilda. ${HIDDEN} = dolt för att det annars skulle gå att räkna fram ett litet tal.`
        : null,
  };
}
