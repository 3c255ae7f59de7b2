import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCosts, apportion, AllocationError, type AllocationMember } from './allocation.ts';

const m = (code: string, population: number, minutes: number, directCostsOre = 0): AllocationMember => ({ code, name: `Kommun ${code}`, population, minutes, directCostsOre });
const parts = (amountOre: number, members: AllocationMember[]) =>
  allocateCosts({ amountOre, members }).members.map((x) => [x.code, x.populationPartOre, x.timePartOre, x.totalOre, x.invoiceTotalOre]);

describe('apportion (largest remainder, ties to the lower code)', () => {
  it.each<[string, number, [string, number][], number[]]>([
    ['even split', 900, [['a', 1], ['b', 1], ['c', 1]], [300, 300, 300]],
    ['two öre left, tie → lower codes', 1000, [['0103', 1], ['0101', 1], ['0102', 1]], [333, 334, 333]],
    ['largest remainder wins over code', 10, [['0101', 1], ['0102', 2]], [3, 7]],
    ['one öre, three equal', 1, [['0187', 5], ['0162', 5], ['0186', 5]], [0, 1, 0]],
    ['zero weight gets nothing', 5, [['a', 0], ['b', 3]], [0, 5]],
    ['zero amount', 0, [['a', 2], ['b', 3]], [0, 0]],
    ['exact shares need no remainder', 10000, [['a', 1], ['b', 3]], [2500, 7500]],
  ])('%s', (_name, total, weights, expected) => {
    expect(apportion(total, weights.map(([code, weight]) => ({ code, weight })))).toEqual(expected);
  });

  it('refuses weights that sum to zero and negative amounts', () => {
    expect(() => apportion(10, [{ code: 'a', weight: 0 }])).toThrow(AllocationError);
    expect(() => apportion(-1, [{ code: 'a', weight: 1 }])).toThrow(AllocationError);
  });
});

describe('allocateCosts (hand-computed)', () => {
  it.each<[string, number, AllocationMember[], (string | number)[][]]>([
    [
      // P = 500, T = 500; 500/3 = 166 r 2 → the two lowest codes get the extra öre, in both halves
      'three equal members, ties to the lower kommunkod',
      1000,
      [m('0101', 1, 1), m('0102', 1, 1), m('0103', 1, 1)],
      [['0101', 167, 167, 334, 334], ['0102', 167, 167, 334, 334], ['0103', 166, 166, 332, 332]],
    ],
    [
      // the list order is kept (Vaxholm first), but the one öre of each half goes to the lower kommunkod
      'ties go by kommunkod, not by list order',
      2,
      [m('0187', 1, 1), m('0162', 1, 1)],
      [['0187', 0, 0, 0, 0], ['0162', 1, 1, 2, 2]],
    ],
    [
      // A = 1: P = ceil(1/2) = 1, T = 0; remainders 2/3 and 1/3 → the larger population
      'one öre',
      1,
      [m('0101', 2, 0), m('0102', 1, 9)],
      [['0101', 1, 0, 1, 1], ['0102', 0, 0, 0, 0]],
    ],
    [
      // A = 3: P = 2 (1 each), T = 1 → all to the only member with minutes
      'three öre',
      3,
      [m('0200', 1, 0), m('0100', 1, 5)],
      [['0200', 1, 0, 1, 1], ['0100', 1, 1, 2, 2]],
    ],
    [
      // A = 10001: P = 5001 → 3000.6 / 2000.4 → 3001 / 2000; T = 5000 → 0 / 5000
      'a member with no time pays only its population part',
      10001,
      [m('0101', 60, 0), m('0102', 40, 100)],
      [['0101', 3001, 0, 3001, 3001], ['0102', 2000, 5000, 7000, 7000]],
    ],
    [
      // A = 101: P = 51 → 38.25 / 12.75 → 38 / 13; T = 50 by population → 37.5 / 12.5, tie → 0100: 38 / 12
      'no member with time: the time half goes by population too',
      101,
      [m('0100', 3, 0), m('0200', 1, 0)],
      [['0100', 38, 38, 76, 76], ['0200', 13, 12, 25, 25]],
    ],
    [
      'direct costs come on top of the share',
      200,
      [m('0101', 1, 1, 45050), m('0102', 1, 1)],
      [['0101', 50, 50, 100, 45150], ['0102', 50, 50, 100, 100]],
    ],
    [
      // 2 626 105,00 kr: P = T = 131 305 250 öre. Population 33000/315000 → 13 755 788,09 / 117 549 461,90 → the .90 gets the öre;
      // minutes 12000/168750 → 9 337 262,2 / 121 967 987,8 → the .8 gets the öre
      'a realistic period',
      262_610_500,
      [m('0162', 33_000, 12_000), m('0160', 282_000, 156_750)],
      [['0162', 13_755_788, 9_337_262, 23_093_050, 23_093_050], ['0160', 117_549_462, 121_967_988, 239_517_450, 239_517_450]],
    ],
  ])('%s', (_name, amountOre, members, expected) => {
    const result = allocateCosts({ amountOre, members });
    expect(parts(amountOre, members)).toEqual(expected);
    expect(result.totals.totalOre).toBe(amountOre);
    expect(result.totals.populationPartOre).toBe(amountOre - Math.floor(amountOre / 2));
  });

  it('reports unrounded shares, and the population share as the time share when nobody has minutes', () => {
    const a = allocateCosts({ amountOre: 100, members: [m('0101', 1, 1), m('0102', 2, 3)] });
    expect(a.members.map((x) => [x.populationShare, x.timeShare])).toEqual([[1 / 3, 1 / 4], [2 / 3, 3 / 4]]);
    const b = allocateCosts({ amountOre: 100, members: [m('0101', 1, 0), m('0102', 3, 0)] });
    expect(b.timeByPopulation).toBe(true);
    expect(b.members.map((x) => x.timeShare)).toEqual([0.25, 0.75]);
  });

  it('refuses a member without population and an organisation without members', () => {
    expect(() => allocateCosts({ amountOre: 100, members: [m('0101', 0, 1)] })).toThrow(/population of 0101/);
    expect(() => allocateCosts({ amountOre: 100, members: [] })).toThrow(AllocationError);
  });
});

describe('allocateCosts (property)', () => {
  const member = fc.record({ population: fc.integer({ min: 1, max: 2_000_000 }), minutes: fc.integer({ min: 0, max: 5_000_000 }), directCostsOre: fc.integer({ min: 0, max: 10_000_000 }) });
  it('parts always sum exactly to the amount, each within one öre of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.array(member, { minLength: 1, maxLength: 15 }), fc.boolean(), (amountOre, raw, noTime) => {
        const members = raw.map((r, i) => ({ ...r, minutes: noTime ? 0 : r.minutes, code: String(100 + ((i * 37) % 900)).padStart(4, '0') + String(i), name: `K${i}` }));
        const a = allocateCosts({ amountOre, members });
        const P = a.populationHalfOre;
        const T = a.timeHalfOre;
        expect(P + T).toBe(amountOre);
        expect(P - T === 0 || P - T === 1).toBe(true);
        expect(a.members.reduce((s, x) => s + x.populationPartOre, 0)).toBe(P);
        expect(a.members.reduce((s, x) => s + x.timePartOre, 0)).toBe(T);
        expect(a.members.reduce((s, x) => s + x.totalOre, 0)).toBe(amountOre);
        expect(a.totals.invoiceTotalOre).toBe(amountOre + members.reduce((s, x) => s + x.directCostsOre, 0));
        const pop = BigInt(a.totals.population);
        const mins = BigInt(a.totals.minutes);
        for (const x of a.members) {
          expect(x.populationPartOre).toBeGreaterThanOrEqual(0);
          // |part·W − half·w| < W: never more than one öre from the exact share
          const dp = BigInt(x.populationPartOre) * pop - BigInt(P) * BigInt(x.population);
          expect(dp >= -pop && dp < pop).toBe(true);
          const [w, W] = mins === 0n ? [BigInt(x.population), pop] : [BigInt(x.minutes), mins];
          const dt = BigInt(x.timePartOre) * W - BigInt(T) * w;
          expect(dt >= -W && dt < W).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
