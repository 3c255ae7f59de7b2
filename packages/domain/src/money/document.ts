import type { Allocation } from './allocation.ts';
import type { InvoicePeriod } from './periods.ts';
import { formatOre, formatSek } from './ore.ts';

/** The JSON of contracts/cost-allocation.md, keys in the contract's order. */
export interface AllocationDocument {
  organisation: string;
  year: number;
  period: number;
  from: string;
  to: string;
  amount: string;
  municipalities: {
    code: string;
    name: string;
    population: number;
    minutes: number;
    populationShare: number;
    timeShare: number;
    populationPart: string;
    timePart: string;
    total: string;
    directCosts: string;
    invoiceTotal: string;
  }[];
  unallocatedMinutes: number;
  totals: { population: number; minutes: number; populationPart: string; timePart: string; total: string; directCosts: string; invoiceTotal: string };
}

export function allocationDocument(organisation: string, period: InvoicePeriod, allocation: Allocation, unallocatedMinutes: number): AllocationDocument {
  return {
    organisation,
    year: period.year,
    period: period.period,
    from: period.from,
    to: period.to,
    amount: formatOre(allocation.amountOre),
    municipalities: allocation.members.map((m) => ({
      code: m.code,
      name: m.name,
      population: m.population,
      minutes: m.minutes,
      populationShare: m.populationShare,
      timeShare: m.timeShare,
      populationPart: formatOre(m.populationPartOre),
      timePart: formatOre(m.timePartOre),
      total: formatOre(m.totalOre),
      directCosts: formatOre(m.directCostsOre),
      invoiceTotal: formatOre(m.invoiceTotalOre),
    })),
    unallocatedMinutes,
    totals: {
      population: allocation.totals.population,
      minutes: allocation.totals.minutes,
      populationPart: formatOre(allocation.totals.populationPartOre),
      timePart: formatOre(allocation.totals.timePartOre),
      total: formatOre(allocation.totals.totalOre),
      directCosts: formatOre(allocation.totals.directCostsOre),
      invoiceTotal: formatOre(allocation.totals.invoiceTotalOre),
    },
  };
}

/** "0,1047" → "10,47 %" with a decimal comma. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(2).replace('.', ',')}\u00a0%`;
}

/** Money string of the contract ("1234.50") → öre. */
export function oreOf(money: string): number {
  const m = /^(-)?(\d+)\.(\d{2})$/.exec(money);
  if (!m) throw new RangeError(`not a money string: ${money}`);
  const ore = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -ore : ore;
}

const SEMICOLON = ';';
function csvCell(value: string | number): string {
  const text = String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * All members' invoice basis as one CSV for the host municipality's invoicing
 * system: `;`-separated, decimal point, one row per member, no personal data.
 */
export function formatAllocationCsv(doc: AllocationDocument): string {
  const head = ['organisation', 'year', 'period', 'from', 'to', 'municipality_code', 'municipality_name', 'population', 'minutes', 'population_share', 'time_share', 'population_part', 'time_part', 'total', 'direct_costs', 'invoice_total'];
  const lines = [head.join(SEMICOLON)];
  for (const m of doc.municipalities) {
    lines.push(
      [doc.organisation, doc.year, doc.period, doc.from, doc.to, m.code, m.name, m.population, m.minutes, m.populationShare, m.timeShare, m.populationPart, m.timePart, m.total, m.directCosts, m.invoiceTotal]
        .map(csvCell)
        .join(SEMICOLON),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** A readable table for the terminal. */
export function formatAllocationText(doc: AllocationDocument): string {
  const sek = (money: string) => formatSek(oreOf(money)).replace(/\u00a0/g, ' ');
  const rows = [
    ['Kommun', 'Invånare', 'Minuter', 'Bef.andel', 'Tidsandel', 'Befolkningsdel', 'Tidsdel', 'Summa', 'Direkta kostn.', 'Att fakturera'],
    ...doc.municipalities.map((m) => [
      `${m.code} ${m.name}`,
      String(m.population),
      String(m.minutes),
      formatShare(m.populationShare).replace('\u00a0', ' '),
      formatShare(m.timeShare).replace('\u00a0', ' '),
      sek(m.populationPart),
      sek(m.timePart),
      sek(m.total),
      sek(m.directCosts),
      sek(m.invoiceTotal),
    ]),
    ['Totalt', String(doc.totals.population), String(doc.totals.minutes), '', '', sek(doc.totals.populationPart), sek(doc.totals.timePart), sek(doc.totals.total), sek(doc.totals.directCosts), sek(doc.totals.invoiceTotal)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `${doc.organisation}: kostnadsfördelning ${doc.year} period ${doc.period} (${doc.from}–${doc.to})`,
    `Belopp att fördela: ${sek(doc.amount)} – hälften efter invånare, hälften efter tid`,
    '',
    ...rows.map(line),
    '',
    `Tid på ärenden från andra kommuner (fördelas inte): ${doc.unallocatedMinutes} minuter`,
    '',
  ].join('\n');
}
