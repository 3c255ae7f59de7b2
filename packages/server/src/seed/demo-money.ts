import { localDateOf, monthlyBudget, type BudgetLineCode } from '@jourbok/domain';
import { sql } from 'kysely';
import { systemPrincipal, type Ctx } from '../app/context.ts';
import { closePeriod } from '../features/money/service.ts';

/**
 * Demo money: a budget in the seed's lines (near Nordost's 6.3 MSEK plan of
 * 2023, grown to 2026), the outcome of every finished month of this year and
 * of the whole of last year (over budget on phones and substitutes, as in the
 * annual reports), a few direct costs on imported cases, and last year's three
 * periods closed so that their invoice bases are frozen. This year's periods
 * stay open for the controller to allocate and close.
 */
const budget2026: Record<BudgetLineCode, number> = {
  salaries: 4_420_000,
  unsocial_hours: 760_000,
  overtime: 210_000,
  substitutes: 560_000,
  it: 96_000,
  phones: 58_000,
  alarm: 24_000,
  car: 72_000,
  rent: 180_000,
  interpreters: 64_000,
  emergency_money: 90_000,
  supervision: 48_000,
  training: 40_000,
  other: 20_000,
};

/** A deterministic deviation of −3 % to +5 % per line and month, more on phones, substitutes in summer. */
function factor(line: string, month: number, year: number): number {
  let h = year;
  for (const ch of line) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  const base = 1 + (((h + month * 7) % 9) - 3) / 100;
  if (line === 'phones') return base + 0.35;
  if (line === 'substitutes') return month >= 6 && month <= 8 ? base + 0.45 : base - 0.1;
  return base;
}

export async function seedDemoMoney(ctx: Ctx, organisationId: string): Promise<void> {
  const today = localDateOf(ctx.now.toISOString(), 'Europe/Stockholm');
  const year = Number(today.slice(0, 4));
  const monthsDone = Number(today.slice(5, 7)) - 1;
  const years = [
    { year: year - 1, scale: 0.97, months: 12 },
    { year, scale: 1, months: monthsDone },
  ];
  for (const y of years) {
    for (const [line, kronor] of Object.entries(budget2026)) {
      const ore = Math.round(kronor * y.scale) * 100;
      await ctx.trx.insertInto('budget_line').values({ organisation_id: organisationId, year: y.year, line, amount_ore: ore, updated_by_name: 'Demo', updated_at: ctx.now }).execute();
      const months = monthlyBudget(ore);
      const rows = [];
      for (let m = 1; m <= y.months; m++) {
        rows.push({
          organisation_id: organisationId,
          year: y.year,
          month: m,
          line,
          amount_ore: Math.round((months[m - 1]! * factor(line, m, y.year)) / 100) * 100,
          source: 'imported' as const,
          updated_by_name: 'Demo',
          updated_at: ctx.now,
        });
      }
      if (rows.length > 0) await ctx.trx.insertInto('outcome_entry').values(rows).execute();
    }
  }
  // Direct costs on imported cases of member municipalities: food cards, travel, interpreters, a night's lodging.
  const kinds = [
    ['food_card', 50_000],
    ['travel', 38_450],
    ['interpreter', 124_000],
    ['accommodation', 89_500],
  ] as const;
  for (const y of [year - 1, year]) {
    const cases = await sql<{ id: string }>`
      select c.id from jour_case c join municipality m on m.organisation_id = c.organisation_id and m.code = c.municipality_code and m.is_member
      where c.organisation_id = ${organisationId}::uuid and c.is_imported
        and c.received_at >= ${`${y}-01-15T12:00:00Z`}::timestamptz and c.received_at < ${`${y}-05-20T00:00:00Z`}::timestamptz
      order by c.received_at, c.id limit 14`.execute(ctx.trx);
    for (const [i, c] of cases.rows.entries()) {
      if (i % 2 === 1) continue;
      const [kind, amount] = kinds[(i / 2) % kinds.length]!;
      const row = await ctx.trx.selectFrom('jour_case').select(['received_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
      await ctx.trx
        .insertInto('direct_cost')
        .values({ case_id: c.id, kind, amount_ore: amount + i * 1_000, cost_date: localDateOf(new Date(row.received_at).toISOString(), 'Europe/Stockholm'), note: null, recorded_by: null, recorded_by_name: 'Demo', recorded_at: row.received_at })
        .execute();
    }
  }
  const asOrganisation: Ctx = { ...ctx, principal: systemPrincipal(organisationId, 'Demo') };
  for (const period of [1, 2, 3]) await closePeriod(asOrganisation, year - 1, period);
}
