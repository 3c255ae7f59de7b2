import { apportion } from './allocation.ts';

/**
 * The budget's lines (the Nordost verksamhetsplan: staff – salaries,
 * unsocial-hours pay, overtime, substitutes; other running costs – IT, phones,
 * alarm, car, rent, interpreters, emergency money, supervision, training) and
 * the follow-up of outcome against budget with a forecast for the year.
 */
export const BUDGET_GROUPS = { staff: 'Personal', running: 'Övriga driftskostnader' } as const;
export type BudgetGroup = keyof typeof BUDGET_GROUPS;

export const BUDGET_LINES = [
  { code: 'salaries', name: 'Löner', group: 'staff' },
  { code: 'unsocial_hours', name: 'OB-ersättning', group: 'staff' },
  { code: 'overtime', name: 'Övertid', group: 'staff' },
  { code: 'substitutes', name: 'Vikarier', group: 'staff' },
  { code: 'it', name: 'IT', group: 'running' },
  { code: 'phones', name: 'Telefoni', group: 'running' },
  { code: 'alarm', name: 'Larm', group: 'running' },
  { code: 'car', name: 'Bil', group: 'running' },
  { code: 'rent', name: 'Hyra', group: 'running' },
  { code: 'interpreters', name: 'Tolkkostnader', group: 'running' },
  { code: 'emergency_money', name: 'Ekonomiskt bistånd (ICA-kort)', group: 'running' },
  { code: 'supervision', name: 'Handledning', group: 'running' },
  { code: 'training', name: 'Utbildning', group: 'running' },
  { code: 'other', name: 'Övrigt', group: 'running' },
] as const satisfies readonly { code: string; name: string; group: BudgetGroup }[];

export type BudgetLineCode = (typeof BUDGET_LINES)[number]['code'];
export const BUDGET_LINE_CODES = BUDGET_LINES.map((l) => l.code) as readonly BudgetLineCode[];

export function isBudgetLine(code: string): code is BudgetLineCode {
  return (BUDGET_LINE_CODES as readonly string[]).includes(code);
}

export function budgetLineName(code: string): string {
  return BUDGET_LINES.find((l) => l.code === code)?.name ?? code;
}

/** A year's budget spread over its months in whole öre (the öre left over go to the first months). */
export function monthlyBudget(yearBudgetOre: number): number[] {
  if (yearBudgetOre < 0) return monthlyBudget(-yearBudgetOre).map((v) => -v);
  return apportion(yearBudgetOre, Array.from({ length: 12 }, (_, i) => ({ code: String(i + 1).padStart(2, '0'), weight: 1 })));
}

export interface FollowUpLine {
  code: string;
  name: string;
  group: BudgetGroup;
  budgetOre: number;
  budgetToDateOre: number;
  outcomeToDateOre: number;
  /** outcome by month (index 0 = January), null where none is recorded */
  outcomeByMonth: (number | null)[];
  forecastOre: number;
  /** budget − forecast: positive is a surplus, negative a deficit */
  deviationOre: number;
}

export interface FollowUp {
  year: number;
  /** the months counted as done: 0 when no outcome, 12 for a closed year */
  monthsWithOutcome: number;
  lines: FollowUpLine[];
  groups: { group: BudgetGroup; name: string; budgetOre: number; outcomeToDateOre: number; forecastOre: number; deviationOre: number }[];
  total: { budgetOre: number; budgetToDateOre: number; outcomeToDateOre: number; forecastOre: number; deviationOre: number };
}

/**
 * Outcome against budget. The months done are January up to the last month
 * with any recorded outcome. The forecast of a line is its outcome so far plus
 * its budget for the months left (the rest of the year assumed on budget).
 */
export function followUp(year: number, budget: Readonly<Record<string, number>>, outcome: readonly { line: string; month: number; amountOre: number }[]): FollowUp {
  const monthsWithOutcome = outcome.reduce((a, o) => Math.max(a, o.month), 0);
  const lines = BUDGET_LINES.map((l): FollowUpLine => {
    const budgetOre = budget[l.code] ?? 0;
    const months = monthlyBudget(budgetOre);
    const byMonth: (number | null)[] = Array.from({ length: 12 }, () => null);
    for (const o of outcome) if (o.line === l.code) byMonth[o.month - 1] = (byMonth[o.month - 1] ?? 0) + o.amountOre;
    const budgetToDateOre = months.slice(0, monthsWithOutcome).reduce((a, b) => a + b, 0);
    const outcomeToDateOre = byMonth.reduce<number>((a, b) => a + (b ?? 0), 0);
    const forecastOre = outcomeToDateOre + (budgetOre - budgetToDateOre);
    return { code: l.code, name: l.name, group: l.group, budgetOre, budgetToDateOre, outcomeToDateOre, outcomeByMonth: byMonth, forecastOre, deviationOre: budgetOre - forecastOre };
  });
  const sum = (items: readonly FollowUpLine[], f: (l: FollowUpLine) => number) => items.reduce((a, l) => a + f(l), 0);
  const groups = (Object.keys(BUDGET_GROUPS) as BudgetGroup[]).map((group) => {
    const items = lines.filter((l) => l.group === group);
    return {
      group,
      name: BUDGET_GROUPS[group],
      budgetOre: sum(items, (l) => l.budgetOre),
      outcomeToDateOre: sum(items, (l) => l.outcomeToDateOre),
      forecastOre: sum(items, (l) => l.forecastOre),
      deviationOre: sum(items, (l) => l.deviationOre),
    };
  });
  return {
    year,
    monthsWithOutcome,
    lines,
    groups,
    total: {
      budgetOre: sum(lines, (l) => l.budgetOre),
      budgetToDateOre: sum(lines, (l) => l.budgetToDateOre),
      outcomeToDateOre: sum(lines, (l) => l.outcomeToDateOre),
      forecastOre: sum(lines, (l) => l.forecastOre),
      deviationOre: sum(lines, (l) => l.deviationOre),
    },
  };
}

/**
 * The host municipality's ledger export (docs/money.md): CSV with a header,
 * `,` or `;`, columns `year`, `month`, `line` (a budget line code or its
 * Swedish name) and `amount` (SEK, `,` or `.` as decimal sign, may be
 * negative for a credit). Returns rows or every error with its line number.
 */
export function parseLedgerRows(rows: readonly Record<string, string>[]): { rows: { year: number; month: number; line: BudgetLineCode; amountOre: number }[]; errors: string[] } {
  const out: { year: number; month: number; line: BudgetLineCode; amountOre: number }[] = [];
  const errors: string[] = [];
  rows.forEach((r, i) => {
    const at = `line ${i + 2}`;
    const year = Number((r.year ?? '').trim());
    const month = Number((r.month ?? '').trim());
    const lineText = (r.line ?? '').trim();
    const line = BUDGET_LINES.find((l) => l.code === lineText || l.name.toLowerCase() === lineText.toLowerCase())?.code;
    const amountText = (r.amount ?? '').replace(/[\s\u00a0]/g, '');
    const m = /^(-|−)?(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(amountText);
    const before = errors.length;
    if (!Number.isInteger(year) || year < 1900 || year > 2200) errors.push(`${at}: year must be a year such as 2026, got "${r.year ?? ''}"`);
    if (!Number.isInteger(month) || month < 1 || month > 12) errors.push(`${at}: month must be 1–12, got "${r.month ?? ''}"`);
    if (!line) errors.push(`${at}: line must be a budget line (${BUDGET_LINE_CODES.join(', ')}), got "${lineText}"`);
    if (!m) errors.push(`${at}: amount must be an amount in SEK such as 12345,50, got "${r.amount ?? ''}"`);
    if (errors.length === before && m && line) {
      const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
      out.push({ year, month, line, amountOre: m[1] ? -ore : ore });
    }
  });
  return { rows: out, errors };
}
