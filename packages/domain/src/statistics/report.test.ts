import { describe, expect, it } from 'vitest';
import { comparisonYears, reportPeriod, tertialOf, type ReportKind, type Tertial } from './period.ts';
import { shapeReport, type CaseCount, type ReportRequest, type StatisticsReport } from './report.ts';
import { nordost, seedCaseCounts, seedDecisions } from './fixtures.test-support.ts';

const t1: ReportRequest = { kind: 'tertial', year: 2024, tertial: 1, municipality: null };
const one = (o: Partial<CaseCount>): CaseCount => ({
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

describe('report periods', () => {
  it.each<[ReportKind, number, Tertial | null, string, string]>([
    ['tertial', 2024, 1, '2024-01-01', '2024-04-30'],
    ['tertial', 2024, 2, '2024-05-01', '2024-08-31'],
    ['tertial', 2024, 3, '2024-09-01', '2024-12-31'],
    ['year', 2024, null, '2024-01-01', '2024-12-31'],
    ['tertial', 2023, 1, '2023-01-01', '2023-04-30'],
  ])('%s %i T%s → %s–%s', (kind, year, tertial, from, to) => {
    expect(reportPeriod(kind, year, tertial)).toEqual({ from, to });
  });

  it('refuses a tertial report without a tertial', () => {
    expect(() => reportPeriod('tertial', 2024, null)).toThrow(RangeError);
  });

  it.each<[string, Tertial]>([
    ['2024-01-01', 1],
    ['2024-04-30', 1],
    ['2024-05-01', 2],
    ['2024-08-31', 2],
    ['2024-09-01', 3],
    ['2024-12-31', 3],
  ])('%s is in tertial %i', (date, tertial) => expect(tertialOf(date)).toBe(tertial));

  it('compares with the two years before', () => expect(comparisonYears(2024)).toEqual([2022, 2023, 2024]));
});

describe('shapeReport: the seed table (Nordost T1 2022–2024)', () => {
  const report = shapeReport(nordost, t1, seedCaseCounts(), seedDecisions);

  it('has the contract keys in the contract order', () => {
    expect(Object.keys(report)).toEqual([
      'organisation',
      'kind',
      'year',
      'tertial',
      'from',
      'to',
      'municipality',
      'years',
      'cases',
      'byMunicipality',
      'byCategory',
      'decisions',
      'shelter',
      'closedAtJour',
      'youthShare',
    ]);
    expect(Object.keys(report.byMunicipality[0]!)).toEqual(['code', 'name', 'cases', 'share']);
    expect(Object.keys(report.byCategory[0]!)).toEqual(['code', 'name', 'cases']);
    expect(Object.keys(report.decisions[0]!)).toEqual(['code', 'name', 'count']);
    expect(Object.keys(report.shelter)).toEqual(['requested', 'granted', 'grantedShare']);
    expect(Object.keys(report.closedAtJour)).toEqual(['cases', 'share']);
  });

  it('heads the report with the period', () => {
    expect(report).toMatchObject({ organisation: 'Socialjouren Nordost', kind: 'tertial', year: 2024, tertial: 1, from: '2024-01-01', to: '2024-04-30', municipality: null, years: [2022, 2023, 2024] });
    expect(report.cases).toEqual({ '2022': 797, '2023': 777, '2024': 812 });
  });

  it.each<[string, string, [number, number, number]]>([
    ['0162', 'Danderyd', [70, 52, 53]],
    ['0186', 'Lidingö', [114, 98, 125]],
    ['0188', 'Norrtälje', [193, 204, 247]],
    ['0160', 'Täby', [144, 145, 142]],
    ['0115', 'Vallentuna', [72, 103, 92]],
    ['0187', 'Vaxholm', [11, 14, 17]],
    ['0117', 'Österåker', [149, 119, 96]],
    ['other', 'Annan kommun', [44, 42, 40]],
  ])('%s %s: %j', (code, name, [a, b, c]) => {
    const row = report.byMunicipality.find((m) => m.code === code)!;
    expect(row.name).toBe(name);
    expect(row.cases).toEqual({ '2022': a, '2023': b, '2024': c });
    expect(row.share).toEqual({ '2022': a / 797, '2023': b / 777, '2024': c / 812 });
  });

  it('lists the members in Swedish order (Österåker after Vaxholm), then Annan kommun', () => {
    expect(report.byMunicipality.map((m) => m.name)).toEqual(['Danderyd', 'Lidingö', 'Norrtälje', 'Täby', 'Vallentuna', 'Vaxholm', 'Österåker', 'Annan kommun']);
  });

  it.each<[string, string, [number, number, number]]>([
    ['barn_unga', 'Barn och ungdom', [412, 406, 427]],
    ['barn_unga.kriminalitet', 'varav kriminalitet', [13, 24, 47]],
    ['boende', 'Boende', [116, 122, 138]],
    ['vald_nara_relation', 'Våld i nära relation', [70, 38, 68]],
    ['aldre', 'Äldre', [43, 54, 52]],
    ['vuxna_missbruk_psyk', 'Vuxna missbruk/psyk', [113, 117, 95]],
    ['funktionsnedsattning', 'Funktionsnedsättning', [0, 0, 0]],
    ['ovrigt', 'Övrigt', [43, 40, 32]],
  ])('category %s (%s): %j', (code, name, [a, b, c]) => {
    expect(report.byCategory.find((r) => r.code === code)).toEqual({ code, name, cases: { '2022': a, '2023': b, '2024': c } });
  });

  it('puts every category in configured order, kriminalitet right after barn_unga', () => {
    expect(report.byCategory.map((c) => c.code)).toEqual([
      'barn_unga',
      'barn_unga.kriminalitet',
      'boende',
      'vald_nara_relation',
      'aldre',
      'vuxna_missbruk_psyk',
      'funktionsnedsattning',
      'ekonomiskt_bistand',
      'upplysning',
      'ovrigt',
    ]);
  });

  it.each<[string, [number, number, number]]>([
    ['LVU43', [0, 15, 19]],
    ['LVU6', [0, 0, 4]],
    ['LVM13', [0, 0, 1]],
    ['SKYDDAT_BOENDE', [0, 0, 1]],
    ['SOL_PLACERING', [0, 0, 8]],
    ['EKONOMISKT_BISTAND', [0, 0, 0]],
  ])('decisions %s: %j', (code, [a, b, c]) => {
    expect(report.decisions.find((d) => d.code === code)!.count).toEqual({ '2022': a, '2023': b, '2024': c });
  });

  it('lists every decision type in configured order', () => {
    expect(report.decisions.map((d) => d.code)).toEqual(['LVU43', 'LVU6', 'LVM13', 'SKYDDAT_BOENDE', 'SOL_PLACERING', 'EKONOMISKT_BISTAND']);
  });

  it('shares: 40 % of shelter requests granted, 22 % closed at the jour, youth share', () => {
    expect(report.shelter).toEqual({
      requested: { '2022': 115, '2023': 120, '2024': 135 },
      granted: { '2022': 48, '2023': 54, '2024': 54 },
      grantedShare: { '2022': 48 / 115, '2023': 54 / 120, '2024': 0.4 },
    });
    expect(report.closedAtJour).toEqual({ cases: { '2022': 205, '2023': 187, '2024': 179 }, share: { '2022': 205 / 797, '2023': 187 / 777, '2024': 179 / 812 } });
    expect(Math.round(report.closedAtJour.share['2024']! * 100)).toBe(22);
    expect(report.youthShare).toEqual({ '2022': 412 / 797, '2023': 406 / 777, '2024': 427 / 812 });
  });
});

describe('shapeReport: scope and edge cases', () => {
  it.each<[string, StatisticsReport['municipality'], number, number]>([
    ['a member', '0160', 142, 1],
    ['Annan kommun', 'other', 40, 1],
    ['the smallest member', '0187', 17, 1],
  ])('limits every figure to %s', (_what, municipality, cases, share) => {
    const r = shapeReport(nordost, { ...t1, municipality }, seedCaseCounts(), seedDecisions);
    expect(r.municipality).toBe(municipality);
    expect(r.cases['2024']).toBe(cases);
    expect(r.byMunicipality).toHaveLength(1);
    expect(r.byMunicipality[0]!.code).toBe(municipality);
    expect(r.byMunicipality[0]!.share['2024']).toBe(share);
    expect(r.byCategory.reduce((s, c) => s + (c.code.includes('.') ? 0 : c.cases['2024']!), 0)).toBe(cases);
    expect(r.byCategory).toHaveLength(10);
    expect(r.decisions).toHaveLength(6);
  });

  it('counts decisions of the scope only', () => {
    const taby = shapeReport(nordost, { ...t1, municipality: '0160' }, seedCaseCounts(), seedDecisions);
    expect(taby.decisions.map((d) => d.count['2024'])).toEqual([7, 4, 0, 0, 0, 0]);
    const other = shapeReport(nordost, { ...t1, municipality: 'other' }, seedCaseCounts(), seedDecisions);
    expect(other.decisions.find((d) => d.code === 'SOL_PLACERING')!.count['2024']).toBe(8);
  });

  it('gives 0, not NaN, for the shares of an empty year', () => {
    const r = shapeReport(nordost, t1, [one({ year: 2024 })], []);
    expect(r.cases).toEqual({ '2022': 0, '2023': 0, '2024': 1 });
    expect(r.byMunicipality.every((m) => m.share['2022'] === 0)).toBe(true);
    expect(r.shelter.grantedShare).toEqual({ '2022': 0, '2023': 0, '2024': 0 });
    expect(r.closedAtJour.share['2022']).toBe(0);
    expect(r.youthShare).toEqual({ '2022': 0, '2023': 0, '2024': 1 });
  });

  it('shows every member, category and decision type also with no cases at all', () => {
    const r = shapeReport(nordost, { kind: 'year', year: 2030, tertial: null, municipality: null }, [], []);
    expect(r).toMatchObject({ kind: 'year', tertial: null, from: '2030-01-01', to: '2030-12-31', years: [2028, 2029, 2030] });
    expect(r.byMunicipality).toHaveLength(8);
    expect(r.byCategory).toHaveLength(10);
    expect(r.decisions).toHaveLength(6);
    for (const obj of [r.cases, r.byMunicipality[3]!.cases, r.byCategory[1]!.cases, r.decisions[0]!.count, r.shelter.requested, r.youthShare]) {
      expect(obj).toEqual({ '2028': 0, '2029': 0, '2030': 0 });
    }
  });

  it.each<[string, CaseCount, string]>([
    ['a non-member kommunkod counts as Annan kommun', one({ municipalityCode: '0180' }), 'other'],
    ['a member counts for itself', one({ municipalityCode: '0187' }), '0187'],
  ])('%s', (_what, count, code) => {
    const r = shapeReport(nordost, t1, [count], []);
    expect(r.byMunicipality.find((m) => m.code === code)!.cases['2024']).toBe(1);
  });

  it('leaves out years outside the comparison', () => {
    const r = shapeReport(nordost, t1, [one({ year: 2021 }), one({ year: 2025 }), one({ year: 2023 })], [{ year: 2019, municipalityCode: '0160', typeCode: 'LVU6', count: 3 }]);
    expect(r.cases).toEqual({ '2022': 0, '2023': 1, '2024': 0 });
    expect(r.decisions[1]!.count).toEqual({ '2022': 0, '2023': 0, '2024': 0 });
  });

  it('counts youth crime under barn_unga only', () => {
    const r = shapeReport(nordost, t1, [one({ youthCrime: true, cases: 3 }), one({ youthCrime: false, cases: 2 }), one({ categoryCode: 'boende', youthCrime: true })], []);
    expect(r.byCategory[0]!.cases['2024']).toBe(5);
    expect(r.byCategory[1]!.cases['2024']).toBe(3);
  });

  it('refuses a municipality that is neither a member nor "other"', () => {
    expect(() => shapeReport(nordost, { ...t1, municipality: '0184' }, [], [])).toThrow(/0184/);
  });

  it('puts kriminalitet after barn_unga wherever the organisation places barn_unga', () => {
    const org = { ...nordost, categories: [{ code: 'boende', name: 'Boende' }, { code: 'barn_unga', name: 'Barn och ungdom' }] };
    expect(shapeReport(org, t1, [], []).byCategory.map((c) => c.code)).toEqual(['boende', 'barn_unga', 'barn_unga.kriminalitet']);
  });

  it('sorts members with å, ä, ö last as Swedish readers expect', () => {
    const org = { ...nordost, members: [{ code: '0117', name: 'Österåker' }, { code: '0125', name: 'Ekerö' }, { code: '0181', name: 'Åre' }, { code: '0182', name: 'Älvdalen' }, { code: '0183', name: 'Zinkgruvan' }] };
    expect(shapeReport(org, t1, [], []).byMunicipality.map((m) => m.name)).toEqual(['Ekerö', 'Zinkgruvan', 'Åre', 'Älvdalen', 'Österåker', 'Annan kommun']);
  });
});
