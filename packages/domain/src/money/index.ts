// Public API of the domain's money: öre, cost allocation, invoicing periods, budget follow-up.
export * from './ore.ts';
export { allocateCosts, apportion, AllocationError, type AllocatedMember, type Allocation, type AllocationInput, type AllocationMember } from './allocation.ts';
export {
  bookingFor,
  DEFAULT_PERIODS,
  invoicePeriod,
  lastDayOfMonth,
  monthsOf,
  nextPeriod,
  periodOfDate,
  periodsFromSettings,
  validatePeriods,
  yearPeriods,
  type Booking,
  type InvoicePeriod,
  type PeriodMonths,
} from './periods.ts';
export {
  BUDGET_GROUPS,
  BUDGET_LINE_CODES,
  BUDGET_LINES,
  budgetLineName,
  followUp,
  isBudgetLine,
  monthlyBudget,
  parseLedgerRows,
  type BudgetGroup,
  type BudgetLineCode,
  type FollowUp,
  type FollowUpLine,
} from './budget.ts';
export { allocationDocument, formatAllocationCsv, formatAllocationText, formatShare, oreOf, type AllocationDocument } from './document.ts';
