import { formatAllocationCsv, formatAllocationText, formatSek, formatShare, oreOf } from '@jourbok/domain';
import ExcelJS from 'exceljs';
import { PdfWriter } from '../../pdf/document.ts';
import type { InvoiceBasis } from './service.ts';

export const COST_KIND_LABELS: Record<string, string> = { travel: 'Resa', accommodation: 'Logi', food_card: 'Matkort', interpreter: 'Tolk', other: 'Övrigt' };

export type MoneyFormat = 'json' | 'csv' | 'xlsx' | 'pdf' | 'text';

export interface RenderedDocument {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const sek = (money: string) => formatSek(oreOf(money));
const num = (money: string) => oreOf(money) / 100;

function fileName(basis: InvoiceBasis, code: string | null, extension: string) {
  const d = basis.document;
  return `fakturaunderlag-${d.year}-P${d.period}${code ? `-${code}` : ''}.${extension}`;
}

function explain(basis: InvoiceBasis, m: InvoiceBasis['document']['municipalities'][number]): string[] {
  const d = basis.document;
  const half = (money: string) => sek(money);
  return [
    `Befolkningsdel: ${m.population.toLocaleString('sv-SE')} av ${d.totals.population.toLocaleString('sv-SE')} invånare (${formatShare(m.populationShare)}) av halva beloppet ${half(d.totals.populationPart)} = ${sek(m.populationPart)}`,
    basis.timeByPopulation
      ? `Tidsdel: ingen kommun hade tid under perioden, så även tidshalvan ${half(d.totals.timePart)} fördelas efter invånare (${formatShare(m.timeShare)}) = ${sek(m.timePart)}`
      : `Tidsdel: ${m.minutes.toLocaleString('sv-SE')} av ${d.totals.minutes.toLocaleString('sv-SE')} minuter (${formatShare(m.timeShare)}) av tidshalvan ${half(d.totals.timePart)} = ${sek(m.timePart)}`,
  ];
}

/** The invoice basis as a PDF: one member's (with its direct costs case by case), or all members'. */
export async function renderBasisPdf(basis: InvoiceBasis, code: string | null): Promise<Buffer> {
  const d = basis.document;
  const members = code ? d.municipalities.filter((m) => m.code === code) : d.municipalities;
  const title = code ? `Fakturaunderlag ${members[0]?.name ?? code}` : 'Kostnadsfördelning';
  const pdf = new PdfWriter(`${d.organisation}: ${title}`, `Period ${d.period} ${d.year}`);
  pdf.title(title, `${d.organisation} · period ${d.period} ${d.year} (${d.from}–${d.to})${basis.closed ? ` · stängd ${basis.closed.at.slice(0, 10)}` : ' · preliminär'}`);
  pdf.field('Belopp att fördela', `${sek(d.amount)} (${basis.amountSource === 'outcome' ? 'periodens bokförda utfall' : 'angivet belopp'})`);
  pdf.field('Fördelning', 'hälften efter invånarantal, hälften efter nedlagd tid på kommunens ärenden');
  const width = pdf.doc.page.width - pdf.doc.page.margins.left - pdf.doc.page.margins.right;
  pdf.heading(code ? 'Så har beloppet räknats fram' : 'Kommunernas andelar');
  pdf.table(
    [
      { header: 'Kommun', width: width - 6 * 62 },
      { header: 'Invånare', width: 62 },
      { header: 'Minuter', width: 62 },
      { header: 'Bef.del', width: 62 },
      { header: 'Tidsdel', width: 62 },
      { header: 'Direkta', width: 62 },
      { header: 'Att fakturera', width: 62 },
    ],
    [
      ...members.map((m) => ({ cells: [m.name, String(m.population), String(m.minutes), sek(m.populationPart), sek(m.timePart), sek(m.directCosts), sek(m.invoiceTotal)] })),
      ...(code ? [] : [{ cells: ['Totalt', String(d.totals.population), String(d.totals.minutes), sek(d.totals.populationPart), sek(d.totals.timePart), sek(d.totals.directCosts), sek(d.totals.invoiceTotal)], bold: true }]),
    ],
  );
  for (const m of members) {
    if (code) for (const line of explain(basis, m)) pdf.paragraph(line);
    const costs = basis.directCosts.filter((c) => c.municipalityCode === m.code);
    if (code || costs.length > 0) {
      pdf.heading(`Direkta kostnader${code ? '' : ` – ${m.name}`}`);
      if (basis.directCostMode === 'monthly') pdf.note('Direkta kostnader faktureras på eget månatligt underlag och ingår inte här.');
      if (costs.length === 0) pdf.paragraph('Inga direkta kostnader under perioden.');
      else
        pdf.table(
          [
            { header: 'Ärende', width: width - 3 * 90 },
            { header: 'Datum', width: 90 },
            { header: 'Slag', width: 90 },
            { header: 'Belopp', width: 90 },
          ],
          costs.map((c) => ({ cells: [c.caseNumber, c.date, COST_KIND_LABELS[c.kind] ?? c.kind, sek(c.amount)] })),
        );
    }
  }
  pdf.note(`Minuter räknas den dag tiden registrerades för (importerade ärenden: den dag ärendet kom in). Tid på ärenden från andra kommuner fördelas inte (${d.unallocatedMinutes} minuter). Varje halva fördelas i hela ören; överblivna ören går till de största resterna, vid lika till lägst kommunkod.`);
  return pdf.finish(`${d.organisation} · ${title} · period ${d.period} ${d.year}`);
}

/** The invoice basis as an Excel workbook, numbers as numbers. */
export async function renderBasisXlsx(basis: InvoiceBasis, code: string | null): Promise<Buffer> {
  const d = basis.document;
  const members = code ? d.municipalities.filter((m) => m.code === code) : d.municipalities;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jourbok';
  const sheet = workbook.addWorksheet('Fakturaunderlag');
  sheet.addRow([d.organisation]).font = { bold: true, size: 14 };
  sheet.addRow([`Fakturaunderlag period ${d.period} ${d.year} (${d.from}–${d.to})${basis.closed ? `, stängd ${basis.closed.at.slice(0, 10)}` : ', preliminär'}`]);
  const amountRow = sheet.addRow(['Belopp att fördela', num(d.amount)]);
  amountRow.getCell(2).numFmt = '#,##0.00';
  sheet.addRow([]);
  const head = sheet.addRow(['Kommunkod', 'Kommun', 'Invånare', 'Minuter', 'Befolkningsandel', 'Tidsandel', 'Befolkningsdel', 'Tidsdel', 'Summa', 'Direkta kostnader', 'Att fakturera']);
  head.font = { bold: true };
  const money = [7, 8, 9, 10, 11];
  const addMember = (cells: (string | number)[], bold = false) => {
    const row = sheet.addRow(cells);
    if (bold) row.font = { bold: true };
    row.getCell(5).numFmt = '0.0000 %';
    row.getCell(6).numFmt = '0.0000 %';
    for (const i of money) row.getCell(i).numFmt = '#,##0.00';
  };
  for (const m of members) addMember([m.code, m.name, m.population, m.minutes, m.populationShare, m.timeShare, num(m.populationPart), num(m.timePart), num(m.total), num(m.directCosts), num(m.invoiceTotal)]);
  if (!code) addMember(['', 'Totalt', d.totals.population, d.totals.minutes, 1, 1, num(d.totals.populationPart), num(d.totals.timePart), num(d.totals.total), num(d.totals.directCosts), num(d.totals.invoiceTotal)], true);
  sheet.getColumn(2).width = 16;
  for (let i = 3; i <= 11; i++) sheet.getColumn(i).width = 16;
  const costSheet = workbook.addWorksheet('Direkta kostnader');
  costSheet.addRow(['Kommunkod', 'Ärende', 'Datum', 'Slag', 'Belopp']).font = { bold: true };
  for (const c of basis.directCosts.filter((x) => !code || x.municipalityCode === code)) {
    const row = costSheet.addRow([c.municipalityCode, c.caseNumber, c.date, COST_KIND_LABELS[c.kind] ?? c.kind, num(c.amount)]);
    row.getCell(5).numFmt = '#,##0.00';
  }
  for (let i = 1; i <= 5; i++) costSheet.getColumn(i).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function renderBasis(basis: InvoiceBasis, format: MoneyFormat, code: string | null = null): Promise<RenderedDocument> {
  switch (format) {
    case 'json':
      return { body: Buffer.from(JSON.stringify(basis.document, null, 2) + '\n'), contentType: 'application/json; charset=utf-8', fileName: fileName(basis, null, 'json') };
    case 'csv':
      return { body: Buffer.from(formatAllocationCsv(basis.document)), contentType: 'text/csv; charset=utf-8', fileName: fileName(basis, null, 'csv') };
    case 'text':
      return { body: Buffer.from(formatAllocationText(basis.document)), contentType: 'text/plain; charset=utf-8', fileName: fileName(basis, null, 'txt') };
    case 'xlsx':
      return { body: await renderBasisXlsx(basis, code), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: fileName(basis, code, 'xlsx') };
    case 'pdf':
      return { body: await renderBasisPdf(basis, code), contentType: 'application/pdf', fileName: fileName(basis, code, 'pdf') };
  }
}
