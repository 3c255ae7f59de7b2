import { describe, expect, it } from 'vitest';
import { nordost, seedCaseCounts, seedDecisions } from './fixtures.test-support.ts';
import { csvField, formatReportCsv, formatReportText, toCsv, UTF8_BOM } from './format.ts';
import { shapeReport } from './report.ts';
import { protectReport } from './suppression.ts';
import { formatCell, formatPercent, reportTables, type TableCell } from './tables.ts';

const seed = shapeReport(nordost, { kind: 'tertial', year: 2024, tertial: 1, municipality: null }, seedCaseCounts(), seedDecisions);
const cell = (o: Partial<TableCell>): TableCell => ({ count: null, share: null, countHidden: false, shareHidden: false, ...o });

describe('cells', () => {
  it.each<[string, TableCell, string]>([
    ['count and share', cell({ count: 70, share: 70 / 787 }), '70 (9 %)'],
    ['count only', cell({ count: 19 }), '19'],
    ['share only', cell({ share: 0.4 }), '40 %'],
    ['hidden count', cell({ count: 3, share: 0.01, countHidden: true, shareHidden: true }), 'x'],
    ['hidden count below the threshold', cell({ count: 3, share: 0.01, countHidden: true, shareHidden: true, hiddenAs: '< 5' }), '< 5'],
    ['hidden share', cell({ count: 30, share: 0.5, shareHidden: true }), '30'],
    ['hidden share-only', cell({ share: 0.5, shareHidden: true }), 'x'],
    ['zero', cell({ count: 0, share: 0 }), '0 (0 %)'],
  ])('%s → %s', (_what, c, text) => expect(formatCell(c)).toBe(text));

  it.each<[number, string]>([
    [0.4, '40 %'],
    [0.2204, '22 %'],
    [0.0653, '7 %'],
    [0.005, '1 %'],
    [1, '100 %'],
  ])('percent %f → %s', (share, text) => expect(formatPercent(share)).toBe(text));
});

describe('CSV', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('field %j → %j', (value, out) => expect(csvField(value)).toBe(out));

  it('pads records to one width and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b', 'c'], ['d']])).toBe('a;b;c\r\nd;;\r\n');
  });

  it('writes the seed tables for Swedish Excel: BOM, semicolons, counts with percentages', () => {
    const csv = formatReportCsv(seed);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Socialjouren Nordost;;;');
    expect(lines[1]).toBe('Tertialrapport 1 2024: januari–april 2024 (2024-01-01–2024-04-30), jämfört med samma period 2022 och 2023;;;');
    expect(lines).toContain('Antal ärenden per kommun;2022;2023;2024');
    expect(lines).toContain('Antal ärenden;797;777;812');
    expect(lines).toContain('Danderyd;70 (9 %);52 (7 %);53 (7 %)');
    expect(lines).toContain('Norrtälje;193 (24 %);204 (26 %);247 (30 %)');
    expect(lines).toContain('Annan kommun;44 (6 %);42 (5 %);40 (5 %)');
    expect(lines).toContain('Barn och ungdom;412 (52 %);406 (52 %);427 (53 %)');
    expect(lines).toContain('  varav kriminalitet;13 (2 %);24 (3 %);47 (6 %)');
    expect(lines).toContain('Handräckning 43 § LVU;0;15;19');
    expect(lines).toContain('Beviljat boende, andel av sökta;48 (42 %);54 (45 %);54 (40 %)');
    expect(lines).toContain('Handlagda och avslutade på jouren;205 (26 %);187 (24 %);179 (22 %)');
    expect(lines).toContain('Andel ärenden som rör barn och unga;52 %;52 %;53 %');
  });

  it('shows hidden cells as "< N" (below the threshold) or x, and explains them', () => {
    const protectedReport = protectReport(shapeReport(nordost, { kind: 'tertial', year: 2024, tertial: 1, municipality: '0187' }, seedCaseCounts(), seedDecisions), 20);
    const csv = formatReportCsv(protectedReport);
    expect(csv).toContain('Bilaga: Vaxholm (0187)');
    expect(csv).toContain('< 20 = färre än 20 ärenden, dolt för att skydda enskilda. x = dolt');
    const doc = reportTables(protectedReport);
    const hidden = doc.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.countHidden);
    expect(hidden.length).toBeGreaterThan(0);
    // Every hidden count shows "< 20" exactly when it is below 20.
    for (const c of hidden) expect(formatCell(c)).toBe(c.count! > 0 && c.count! < 20 ? '< 20' : 'x');
    expect(hidden.some((c) => formatCell(c) === '< 20')).toBe(true);
  });
});

describe('text', () => {
  it('is a readable table with one column per year', () => {
    const text = formatReportText(seed);
    expect(text).toMatch(/^Socialjouren Nordost\nTertialrapport 1 2024/);
    expect(text).toMatch(/Antal ärenden per kommun\s+2022\s+2023\s+2024/);
    expect(text).toMatch(/Österåker\s+149 \(19 %\)\s+119 \(15 %\)\s+96 \(12 %\)/);
    expect(text).toMatch(/ {2}varav kriminalitet\s+13 \(2 %\)/);
  });
});
