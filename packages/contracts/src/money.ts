import { z } from 'zod';

/** Money in the API is a string with exactly two decimals and '.' (contracts/cost-allocation.md). */
const Money = z.string();
const Year = z.coerce.number().int().min(1900, 'Ange ett år, t.ex. 2026').max(2200, 'Ange ett år, t.ex. 2026');
const AmountInput = z.string().trim().max(40);

export const MoneyYearQuery = z.object({ year: Year });

const FollowUpLine = z.object({
  code: z.string(),
  name: z.string(),
  group: z.enum(['staff', 'running']),
  budget: Money,
  budgetToDate: Money,
  outcomeToDate: Money,
  outcomeByMonth: z.array(Money.nullable()),
  forecast: Money,
  deviation: Money,
});

export const MoneyPeriodSummary = z.object({
  period: z.number().int(),
  from: z.string(),
  to: z.string(),
  invoicedIn: z.string(),
  outcome: Money,
  enteredAmount: Money.nullable(),
  amount: Money,
  amountSource: z.enum(['outcome', 'entered', 'option']),
  ended: z.boolean(),
  closed: z.object({ at: z.string(), byName: z.string() }).nullable(),
  invoiceTotal: Money.nullable(),
});

export const MoneyOverview = z.object({
  organisation: z.string(),
  year: z.number().int(),
  monthsWithOutcome: z.number().int(),
  directCosts: z.enum(['period', 'monthly']),
  lines: z.array(FollowUpLine),
  groups: z.array(z.object({ group: z.enum(['staff', 'running']), name: z.string(), budget: Money, outcomeToDate: Money, forecast: Money, deviation: Money })),
  total: z.object({ budget: Money, budgetToDate: Money, outcomeToDate: Money, forecast: Money, deviation: Money }),
  periods: z.array(MoneyPeriodSummary),
  reconciliation: z.object({ yearOutcome: Money, periodsTotal: Money, difference: Money }),
});
export type MoneyOverview = z.infer<typeof MoneyOverview>;

export const BudgetInput = z.object({
  year: Year,
  lines: z.array(z.object({ line: z.string(), amountSek: AmountInput })).max(50),
});

export const OutcomeInput = z.object({
  year: Year,
  month: z.number().int().min(1, 'Välj månad').max(12, 'Välj månad'),
  lines: z.array(z.object({ line: z.string(), amountSek: AmountInput })).max(50),
});

export const OutcomeImportInput = z.object({ csv: z.string().min(1, 'Välj en fil').max(5_000_000) });
export const OutcomeImportResult = z.object({ rows: z.number().int(), months: z.number().int(), total: Money });

export const PeriodParams = z.object({ year: Year, period: z.coerce.number().int().min(1, 'Perioden ska vara 1–3').max(12) });
export const PeriodAmountInput = z.object({ amountSek: AmountInput.nullable() });

export const AllocationQuery = z.object({
  year: Year,
  period: z.coerce.number().int().min(1, 'Perioden ska vara 1–3').max(12),
  format: z.enum(['json', 'csv', 'xlsx', 'pdf']).optional(),
  /** a member's kommunkod: that member's invoice basis (PDF, XLSX) */
  municipality: z.string().regex(/^\d{4}$/).optional(),
});

export const AllocationDocument = z.object({
  organisation: z.string(),
  year: z.number().int(),
  period: z.number().int(),
  from: z.string(),
  to: z.string(),
  amount: Money,
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      population: z.number(),
      minutes: z.number(),
      populationShare: z.number(),
      timeShare: z.number(),
      populationPart: Money,
      timePart: Money,
      total: Money,
      directCosts: Money,
      invoiceTotal: Money,
    }),
  ),
  unallocatedMinutes: z.number(),
  totals: z.object({ population: z.number(), minutes: z.number(), populationPart: Money, timePart: Money, total: Money, directCosts: Money, invoiceTotal: Money }),
});

export const DirectCostLine = z.object({ caseNumber: z.string(), municipalityCode: z.string(), date: z.string(), costDate: z.string(), kind: z.string(), amount: Money });

export const InvoiceBasis = z.object({
  document: AllocationDocument,
  amountSource: z.enum(['outcome', 'entered', 'option']),
  outcome: Money,
  directCostMode: z.enum(['period', 'monthly']),
  directCosts: z.array(DirectCostLine),
  otherDirectCosts: Money,
  timeByPopulation: z.boolean(),
  populationYear: z.number().int(),
  closed: z.object({ at: z.string(), byName: z.string() }).nullable(),
});
export type InvoiceBasis = z.infer<typeof InvoiceBasis>;

export const MoneySettingsInput = z.object({ directCosts: z.enum(['period', 'monthly']) });

export const MonthlyDirectCostsQuery = z.object({ year: Year, month: z.coerce.number().int().min(1).max(12), format: z.enum(['json', 'csv']).optional() });
export const MonthlyDirectCosts = z.object({
  organisation: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  from: z.string(),
  to: z.string(),
  mode: z.enum(['period', 'monthly']),
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), total: Money, costs: z.array(z.object({ caseNumber: z.string(), date: z.string(), costDate: z.string(), kind: z.string(), amount: Money })) })),
  otherDirectCosts: Money,
});
export type MonthlyDirectCosts = z.infer<typeof MonthlyDirectCosts>;

/** What recording time or a cost answers: where it is counted, and a notice when it was moved out of a closed period. */
export const BookedCreated = z.object({ id: z.string(), bookedOn: z.string().nullable(), notice: z.string().nullable() });
