import { describe, expect, it } from 'vitest';
import { nordost, seedCaseCounts, seedDecisions } from './fixtures.test-support.ts';
import { shapeReport, type CaseCount, type ReportRequest } from './report.ts';
import { protectReport, suppressedCells } from './suppression.ts';

const t1: ReportRequest = { kind: 'tertial', year: 2024, tertial: 1, municipality: null };
const count = (o: Partial<CaseCount>): CaseCount => ({
  year: 2024,
  municipalityCode: '0160',
  categoryCode: 'barn_unga',
  youthCrime: false,
  cases: 1,
  shelterRequested: 0,
  shelterGranted: 0,
  closedAtJour: 0,
  ...o,
});

describe('suppressedCells', () => {
  const seed = shapeReport(nordost, t1, seedCaseCounts(), seedDecisions);

  it.each([0, 1, -3, Number.NaN])('hides nothing with threshold %s', (below) => {
    expect(suppressedCells(seed, below)).toEqual([]);
    expect(protectReport(seed, below)).toBe(seed);
  });

  it('hides small decision counts of the whole jour, but not zeros', () => {
    const cells = suppressedCells(seed, 5);
    // LVU6 4, LVM13 1, SKYDDAT_BOENDE 1 in 2024 (decisions have no shown sum: no complement).
    expect(cells.filter((c) => c.startsWith('/decisions/')).sort()).toEqual(['/decisions/1/count/2024', '/decisions/2/count/2024', '/decisions/3/count/2024']);
    expect(cells.some((c) => c.startsWith('/cases/'))).toBe(false);
  });

  it.each<[string, CaseCount[], number, string[]]>([
    [
      'one small member: it and the next smallest are hidden, and their shares',
      [count({ municipalityCode: '0160', cases: 20 }), count({ municipalityCode: '0186', cases: 12 }), count({ municipalityCode: '0187', cases: 2 })],
      5,
      ['/byMunicipality/1/cases/2024', '/byMunicipality/1/share/2024', '/byMunicipality/5/cases/2024', '/byMunicipality/5/share/2024'],
    ],
    [
      'two small members: no complement is needed',
      [count({ municipalityCode: '0160', cases: 20 }), count({ municipalityCode: '0186', cases: 3 }), count({ municipalityCode: '0187', cases: 2 })],
      5,
      ['/byMunicipality/1/cases/2024', '/byMunicipality/1/share/2024', '/byMunicipality/5/cases/2024', '/byMunicipality/5/share/2024'],
    ],
    ['nothing small: nothing hidden', [count({ municipalityCode: '0160', cases: 20 }), count({ municipalityCode: '0186', cases: 12 })], 5, []],
    ['at the threshold: shown', [count({ municipalityCode: '0160', cases: 20 }), count({ municipalityCode: '0186', cases: 5 })], 5, []],
  ])('%s', (_what, counts, below, expected) => {
    const r = shapeReport(nordost, t1, counts, []);
    expect(suppressedCells(r, below).filter((c) => c.startsWith('/byMunicipality/')).sort()).toEqual(expected.sort());
  });

  it('hides the shares that a hidden count would reveal', () => {
    const r = shapeReport(nordost, { ...t1, municipality: '0187' }, [count({ municipalityCode: '0187', cases: 3, shelterRequested: 2, shelterGranted: 1, closedAtJour: 1 })], []);
    const cells = suppressedCells(r, 5);
    for (const c of [
      '/cases/2024',
      '/byMunicipality/0/cases/2024',
      '/byMunicipality/0/share/2024',
      '/byCategory/0/cases/2024',
      '/shelter/requested/2024',
      '/shelter/granted/2024',
      '/shelter/grantedShare/2024',
      '/closedAtJour/cases/2024',
      '/closedAtJour/share/2024',
      '/youthShare/2024',
    ]) {
      expect(cells).toContain(c);
    }
    expect(cells.some((c) => c.endsWith('/2023'))).toBe(false);
  });

  it('hides a complementary category so that a single small one cannot be worked out from the total', () => {
    const r = shapeReport(nordost, t1, [count({ categoryCode: 'barn_unga', cases: 30 }), count({ categoryCode: 'boende', cases: 9 }), count({ categoryCode: 'aldre', cases: 2 })], []);
    const cells = suppressedCells(r, 5);
    // aldre (index 4) is small; boende (index 2), the smallest other non-zero, is hidden with it.
    expect(cells).toContain('/byCategory/4/cases/2024');
    expect(cells).toContain('/byCategory/2/cases/2024');
    expect(cells).not.toContain('/byCategory/0/cases/2024');
  });

  it('protectReport keeps the exact counts and adds the two keys after the contract', () => {
    const p = protectReport(seed, 5);
    expect(Object.keys(p).slice(-3)).toEqual(['youthShare', 'suppressBelow', 'suppressed']);
    expect(p.decisions[1]!.count['2024']).toBe(4);
    expect(p.suppressBelow).toBe(5);
  });
});
