import {
  AllocationQuery,
  BudgetInput,
  InvoiceBasis,
  MoneyOverview,
  MoneySettingsInput,
  MoneyYearQuery,
  MonthlyDirectCosts,
  MonthlyDirectCostsQuery,
  OutcomeImportInput,
  OutcomeImportResult,
  OutcomeInput,
  PeriodAmountInput,
  PeriodParams,
} from '@jourbok/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import { COST_KIND_LABELS, renderBasis } from './documents.ts';
import { closePeriod, getBasis, getOverview, importOutcome, monthlyDirectCosts, setBudget, setDirectCostMode, setOutcome, setPeriodAmount } from './service.ts';

const tags = ['Money'];
const Ok = z.object({ ok: z.literal(true) });

/**
 * The money pages' API for the controller and the unit manager: budget and
 * outcome, the invoicing periods and their allocation, closing, invoice
 * bases. No personal data: direct costs carry the case number only.
 */
export function registerMoneyRoutes(api: Api, deps: Deps) {
  const read = { access: { permission: 'costs.read' } } as const;
  const manage = { access: { permission: 'costs.manage' } } as const;

  api.get('/api/money/overview', {
    config: read,
    schema: { tags, summary: 'The year: budget and outcome by line with forecast, the invoicing periods, the reconciliation', querystring: MoneyYearQuery, response: { 200: MoneyOverview } },
    handler: (req) => run(deps, req, (ctx) => getOverview(ctx, req.query.year)),
  });

  api.put('/api/money/budget', {
    config: manage,
    schema: { tags, summary: "Set the year's budget by line", body: BudgetInput, response: { 200: Ok } },
    handler: (req) => run(deps, req, async (ctx) => (await setBudget(ctx, req.body.year, req.body.lines), { ok: true as const })),
  });

  api.put('/api/money/outcome', {
    config: manage,
    schema: { tags, summary: "Set a month's outcome by line (refused in a closed period)", body: OutcomeInput, response: { 200: Ok } },
    handler: (req) => run(deps, req, async (ctx) => (await setOutcome(ctx, req.body.year, req.body.month, req.body.lines), { ok: true as const })),
  });

  api.post('/api/money/outcome/import', {
    config: manage,
    bodyLimit: 6 * 1024 * 1024,
    schema: { tags, summary: "Import outcome from the host municipality's ledger export (CSV, docs/money.md); all or nothing", body: OutcomeImportInput, response: { 200: OutcomeImportResult } },
    handler: (req) => run(deps, req, (ctx) => importOutcome(ctx, req.body.csv)),
  });

  api.get('/api/money/allocation', {
    config: read,
    schema: {
      tags,
      summary: "A period's allocation and invoice basis (frozen once closed); format=csv for all members, pdf or xlsx for all or one municipality",
      querystring: AllocationQuery,
      response: { 200: InvoiceBasis },
    },
    handler: async (req, reply) => {
      const basis = await run(deps, req, (ctx) => getBasis(ctx, req.query.year, req.query.period));
      const format = req.query.format;
      if (!format || format === 'json') return basis;
      const code = req.query.municipality ?? null;
      if (code && !basis.document.municipalities.some((m) => m.code === code)) throw new AppError('validation', 'Kommunen är inte medlem.', 'municipality');
      const rendered = await renderBasis(basis, format, code);
      return (reply as FastifyReply).type(rendered.contentType).header('content-disposition', `attachment; filename="${rendered.fileName}"`).send(rendered.body);
    },
  });

  api.put('/api/money/periods/:year/:period/amount', {
    config: manage,
    schema: { tags, summary: "Enter the period's amount to share (null: the recorded outcome)", params: PeriodParams, body: PeriodAmountInput, response: { 200: Ok } },
    handler: (req) => run(deps, req, async (ctx) => (await setPeriodAmount(ctx, req.params.year, req.params.period, req.body.amountSek), { ok: true as const })),
  });

  api.post('/api/money/periods/:year/:period/close', {
    config: manage,
    schema: { tags, summary: 'Close a period: its invoice basis is frozen', params: PeriodParams, response: { 200: InvoiceBasis } },
    handler: (req) => run(deps, req, (ctx) => closePeriod(ctx, req.params.year, req.params.period)),
  });

  api.put('/api/money/settings', {
    config: manage,
    schema: { tags, summary: 'Whether direct costs go with the period invoice or on a monthly invoice basis', body: MoneySettingsInput, response: { 200: Ok } },
    handler: (req) => run(deps, req, async (ctx) => (await setDirectCostMode(ctx, req.body.directCosts), { ok: true as const })),
  });

  api.get('/api/money/direct-costs', {
    config: read,
    schema: { tags, summary: "A month's direct costs per member, case by case (the monthly invoice basis); format=csv", querystring: MonthlyDirectCostsQuery, response: { 200: MonthlyDirectCosts } },
    handler: async (req, reply) => {
      const result = await run(deps, req, (ctx) => monthlyDirectCosts(ctx, req.query.year, req.query.month));
      if (req.query.format !== 'csv') return result;
      const lines = ['municipality_code;municipality_name;case_number;date;kind;amount'];
      for (const m of result.municipalities) for (const c of m.costs) lines.push([m.code, m.name, c.caseNumber, c.date, COST_KIND_LABELS[c.kind] ?? c.kind, c.amount].join(';'));
      const name = `direkta-kostnader-${result.year}-${String(result.month).padStart(2, '0')}.csv`;
      return (reply as FastifyReply).type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(lines.join('\r\n') + '\r\n');
    },
  });
}
