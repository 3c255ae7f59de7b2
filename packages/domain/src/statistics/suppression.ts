// Small-number protection for report appendices that leave the jour.
import { YOUTH_CATEGORY, YOUTH_CRIME_ROW, type StatisticsReport } from './report.ts';

/**
 * A report with small numbers marked. The counts stay exact (the JSON is the
 * jour's own record); `suppressed` lists the cells that documents for people
 * (CSV, XLSX, PDF, text) must not show, as JSON Pointers (RFC 6901) into the
 * report, e.g. "/byMunicipality/2/cases/2024". The contract's keys are unchanged;
 * the two keys are added after them, and only when protection is on.
 */
export type ProtectedReport = StatisticsReport & { suppressBelow?: number; suppressed?: string[] };

/**
 * Which cells to hide so that no count from 1 to `below − 1` can be read or
 * worked out. Per year:
 * - primary: every count with 0 < n < below (the total, a municipality, a
 *   category, the youth-crime row, a decision type, shelter requested/granted,
 *   closed at the jour);
 * - complementary: in a group whose sum is shown (municipalities and
 *   categories both add up to the total), one hidden cell could be worked out
 *   by subtraction, so the smallest other non-zero cell of the group is hidden too;
 * - shares: a share is hidden when its numerator or denominator is hidden.
 * `below` ≤ 1 hides nothing. Zeros are shown.
 */
export function suppressedCells(report: StatisticsReport, below: number): string[] {
  if (!(below > 1)) return [];
  const hidden = new Set<string>();
  const small = (n: number) => n > 0 && n < below;
  for (const y of report.years.map(String)) {
    const totalHidden = small(report.cases[y] ?? 0);
    if (totalHidden) hidden.add(`/cases/${y}`);

    const group = (cells: { pointer: string; n: number }[]) => {
      const primary = cells.filter((c) => small(c.n));
      for (const c of primary) hidden.add(c.pointer);
      if (primary.length === 1 && !totalHidden && cells.length > 1) {
        const next = cells.filter((c) => c !== primary[0] && c.n > 0).sort((a, b) => a.n - b.n)[0];
        if (next) hidden.add(next.pointer);
      }
    };
    group(report.byMunicipality.map((m, i) => ({ pointer: `/byMunicipality/${i}/cases/${y}`, n: m.cases[y] ?? 0 })));
    group(
      report.byCategory
        .map((c, i) => ({ code: c.code, pointer: `/byCategory/${i}/cases/${y}`, n: c.cases[y] ?? 0 }))
        .filter((c) => c.code !== YOUTH_CRIME_ROW),
    );
    report.byCategory.forEach((c, i) => {
      if (c.code === YOUTH_CRIME_ROW && small(c.cases[y] ?? 0)) hidden.add(`/byCategory/${i}/cases/${y}`);
    });
    report.decisions.forEach((d, i) => {
      if (small(d.count[y] ?? 0)) hidden.add(`/decisions/${i}/count/${y}`);
    });
    if (small(report.shelter.requested[y] ?? 0)) hidden.add(`/shelter/requested/${y}`);
    if (small(report.shelter.granted[y] ?? 0)) hidden.add(`/shelter/granted/${y}`);
    if (small(report.closedAtJour.cases[y] ?? 0)) hidden.add(`/closedAtJour/cases/${y}`);

    // Shares follow their parts.
    report.byMunicipality.forEach((_m, i) => {
      if (totalHidden || hidden.has(`/byMunicipality/${i}/cases/${y}`)) hidden.add(`/byMunicipality/${i}/share/${y}`);
    });
    if (hidden.has(`/shelter/requested/${y}`) || hidden.has(`/shelter/granted/${y}`)) hidden.add(`/shelter/grantedShare/${y}`);
    if (totalHidden || hidden.has(`/closedAtJour/cases/${y}`)) hidden.add(`/closedAtJour/share/${y}`);
    const youth = report.byCategory.findIndex((c) => c.code === YOUTH_CATEGORY);
    if (totalHidden || (youth >= 0 && hidden.has(`/byCategory/${youth}/cases/${y}`))) hidden.add(`/youthShare/${y}`);
  }
  return [...hidden];
}

/** The report with protection on: exact counts, plus `suppressBelow` and `suppressed` after the contract's keys. */
export function protectReport(report: StatisticsReport, below: number): ProtectedReport {
  if (!(below > 1)) return report;
  return { ...report, suppressBelow: below, suppressed: suppressedCells(report, below) };
}
