import { describe, expect, it } from 'vitest';
import { followUp, monthlyBudget, parseLedgerRows } from './budget.ts';

describe('monthlyBudget', () => {
  it.each<[number, number[]]>([
    [1200, Array(12).fill(100)],
    [1205, [101, 101, 101, 101, 101, 100, 100, 100, 100, 100, 100, 100]],
    [7, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]],
  ])('%d öre → %j', (ore, months) => {
    expect(monthlyBudget(ore)).toEqual(months);
    expect(monthlyBudget(ore).reduce((a, b) => a + b, 0)).toBe(ore);
  });
});

describe('followUp', () => {
  it('Nordväst 2017: budget 7.714 MSEK, outcome 7.839 MSEK, a deficit of 125 tkr', () => {
    const budget = { salaries: 700_000_000, rent: 71_400_000 };
    const outcome = Array.from({ length: 12 }, (_, i) => [
      { line: 'salaries', month: i + 1, amountOre: 58_333_333 + (i === 0 ? 4 : 0) },
      { line: 'rent', month: i + 1, amountOre: i === 11 ? 5_950_000 + 12_500_000 : 5_950_000 },
    ]).flat();
    const f = followUp(2017, budget, outcome);
    expect(f.monthsWithOutcome).toBe(12);
    expect(f.total.budgetOre).toBe(771_400_000);
    expect(f.total.outcomeToDateOre).toBe(783_900_000);
    expect(f.total.forecastOre).toBe(783_900_000);
    expect(f.total.deviationOre).toBe(-12_500_000);
    expect(f.groups.map((g) => [g.group, g.deviationOre])).toEqual([['staff', 0], ['running', -12_500_000]]);
  });

  it.each<[string, { line: string; month: number; amountOre: number }[], number, number, number]>([
    ['no outcome: forecast = budget', [], 0, 120_000, 0],
    // three months done: budget so far 30 000, outcome 36 000, rest of the year on budget → 126 000
    ['over budget so far', [1, 2, 3].map((month) => ({ line: 'it', month, amountOre: 12_000 })), 3, 126_000, -6_000],
    // a month without outcome before the last counts as done with 0
    ['a gap counts as done', [{ line: 'it', month: 2, amountOre: 5_000 }], 2, 105_000, 15_000],
    ['a credit lowers the outcome', [{ line: 'it', month: 1, amountOre: 10_000 }, { line: 'it', month: 1, amountOre: -2_000 }], 1, 118_000, 2_000],
  ])('%s', (_name, outcome, months, forecast, deviation) => {
    const f = followUp(2026, { it: 120_000 }, outcome);
    expect(f.monthsWithOutcome).toBe(months);
    expect(f.total.forecastOre).toBe(forecast);
    expect(f.total.deviationOre).toBe(deviation);
  });
});

describe('parseLedgerRows', () => {
  it('reads codes or Swedish names, decimal comma or point, credits', () => {
    const r = parseLedgerRows([
      { year: '2026', month: '1', line: 'salaries', amount: '412 345,50' },
      { year: '2026', month: '01', line: 'Hyra', amount: '-1500.5' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { year: 2026, month: 1, line: 'salaries', amountOre: 41_234_550 },
      { year: 2026, month: 1, line: 'rent', amountOre: -150_050 },
    ]);
  });
  it('lists every error with its line', () => {
    const r = parseLedgerRows([
      { year: '26', month: '13', line: 'coffee', amount: '1,234' },
      { year: '2026', month: '2', line: 'it', amount: '' },
    ]);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      'line 2: year must be a year such as 2026, got "26"',
      'line 2: month must be 1–12, got "13"',
      expect.stringContaining('line 2: line must be a budget line'),
      'line 2: amount must be an amount in SEK such as 12345,50, got "1,234"',
      'line 3: amount must be an amount in SEK such as 12345,50, got ""',
    ]);
  });
});
