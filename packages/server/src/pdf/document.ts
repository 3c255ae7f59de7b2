import PDFDocument from 'pdfkit';

/**
 * A small layer over PDFKit for Jourbok's documents: A4, the standard
 * Helvetica fonts (WinAnsi covers å, ä, ö, é, §, –), headings, key–value
 * rows and paragraphs, page numbers. No fonts are loaded from disk or network.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly #chunks: Buffer[] = [];
  readonly #done: Promise<Buffer>;

  constructor(title: string, subject: string) {
    this.doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, bufferPages: true, info: { Title: title, Subject: subject, Creator: 'Jourbok' }, lang: 'sv-SE' });
    this.doc.on('data', (c: Buffer) => this.#chunks.push(c));
    this.#done = new Promise((resolve) => this.doc.on('end', () => resolve(Buffer.concat(this.#chunks))));
    this.doc.font('Helvetica');
  }

  title(text: string, sub?: string) {
    this.doc.font('Helvetica-Bold').fontSize(18).text(text);
    if (sub) this.doc.font('Helvetica').fontSize(10).fillColor('#444').text(sub).fillColor('black');
    this.doc.moveDown(0.8);
  }

  heading(text: string) {
    this.ensureSpace(60);
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.2);
    this.doc.font('Helvetica').fontSize(10);
  }

  banner(text: string) {
    const { doc } = this;
    const y = doc.y;
    doc.rect(doc.page.margins.left, y, doc.page.width - doc.page.margins.left - doc.page.margins.right, 22).fill('#fde8e8');
    doc.fillColor('#8a1c1c').font('Helvetica-Bold').fontSize(10).text(text, doc.page.margins.left + 6, y + 6);
    doc.fillColor('black').font('Helvetica').moveDown(0.8);
  }

  field(label: string, value: string | null | undefined) {
    this.ensureSpace(16);
    this.doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value && value.length > 0 ? value : '–');
  }

  paragraph(text: string, meta?: string) {
    this.ensureSpace(30);
    if (meta) this.doc.font('Helvetica-Oblique').fontSize(9).fillColor('#444').text(meta).fillColor('black');
    this.doc.font('Helvetica').fontSize(10).text(text, { align: 'left' }).moveDown(0.4);
  }

  bullet(text: string) {
    this.ensureSpace(16);
    this.doc.font('Helvetica').fontSize(10).text(`•  ${text}`, { indent: 8 });
  }

  /** Start a new page unless `points` of space are left on this one (when they fit on a page at all): keeps a heading with its table. */
  keepTogether(points: number) {
    if (points <= this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom) this.ensureSpace(points);
  }

  /** Small print, e.g. a note under a table. */
  note(text: string) {
    this.ensureSpace(20);
    this.doc.font('Helvetica-Oblique').fontSize(8).fillColor('#444').text(text, this.doc.page.margins.left, this.doc.y).fillColor('black').moveDown(0.4);
    this.doc.font('Helvetica').fontSize(10);
  }

  /**
   * A table: the first column left-aligned, the others right-aligned, a rule
   * under the header, the header repeated after a page break.
   */
  table(columns: TableColumn[], rows: TableRowSpec[]) {
    const { doc } = this;
    const left = doc.page.margins.left;
    const rowHeight = 16;
    const totalWidth = columns.reduce((s, c) => s + c.width, 0);
    const drawRow = (cells: string[], y: number, options: { bold?: boolean; indent?: boolean }) => {
      let x = left;
      doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor('black');
      cells.forEach((text, i) => {
        const column = columns[i]!;
        const inset = i === 0 && options.indent ? 12 : 0;
        doc.text(text, x + 3 + inset, y + 4, { width: column.width - 6 - inset, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
        x += column.width;
      });
    };
    const header = () => {
      const y = doc.y;
      drawRow(columns.map((c) => c.header), y, { bold: true });
      doc.moveTo(left, y + rowHeight).lineTo(left + totalWidth, y + rowHeight).lineWidth(0.8).strokeColor('#333').stroke();
      doc.y = y + rowHeight + 2;
    };
    this.ensureSpace(rowHeight * Math.min(rows.length + 1, 4));
    header();
    rows.forEach((row, i) => {
      if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      if (i % 2 === 1) doc.rect(left, y, totalWidth, rowHeight).fill('#f3f5f8');
      drawRow(row.cells, y, row);
      if (row.bold) doc.moveTo(left, y + rowHeight).lineTo(left + totalWidth, y + rowHeight).lineWidth(0.4).strokeColor('#999').stroke();
      doc.y = y + rowHeight;
    });
    doc.strokeColor('black').fillColor('black').font('Helvetica').fontSize(10);
    doc.x = left;
    doc.moveDown(0.6);
  }

  /**
   * A horizontal bar chart drawn with vector graphics: one group of bars per
   * category, one bar per series (e.g. per year), a legend, and the value at
   * the end of each bar. A null value (hidden or not applicable) draws no bar.
   */
  barChart(chart: BarChartSpec) {
    const { doc } = this;
    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const labelWidth = 150;
    const valueWidth = 44;
    const barHeight = 7;
    const groupGap = 7;
    const plotLeft = left + labelWidth;
    const plotWidth = width - labelWidth - valueWidth;
    const legendHeight = 16;
    const height = legendHeight + chart.categories.length * (chart.series.length * barHeight + groupGap) + 4;
    this.ensureSpace(height + 8);
    const top = doc.y;
    const max = Math.max(chart.max ?? 0, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0))) || 1;
    const palette = chart.colors ?? ['#c6dbef', '#6baed6', '#08519c'];

    // Legend
    let lx = plotLeft;
    chart.series.forEach((s, i) => {
      doc.rect(lx, top + 2, 8, 8).fill(palette[i % palette.length]!);
      doc.fillColor('#333').font('Helvetica').fontSize(8).text(s.name, lx + 11, top + 2, { lineBreak: false });
      lx += 11 + doc.widthOfString(s.name) + 14;
    });

    let y = top + legendHeight;
    chart.categories.forEach((category, c) => {
      const groupHeight = chart.series.length * barHeight;
      doc.fillColor('#222').font('Helvetica').fontSize(8).text(category, left, y + groupHeight / 2 - 4, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
      chart.series.forEach((s, i) => {
        const value = s.values[c];
        const by = y + i * barHeight;
        if (value !== null && value !== undefined) {
          const w = Math.max(value > 0 ? 0.8 : 0, (value / max) * plotWidth);
          if (w > 0) doc.rect(plotLeft, by + 0.5, w, barHeight - 1).fill(palette[i % palette.length]!);
          doc.fillColor('#333').fontSize(6.5).text(chart.format(value), plotLeft + w + 3, by, { lineBreak: false });
        } else {
          doc.fillColor('#777').fontSize(6.5).text(chart.missing ?? '', plotLeft + 3, by, { lineBreak: false });
        }
      });
      y += groupHeight + groupGap;
    });
    doc.moveTo(plotLeft, top + legendHeight - 2).lineTo(plotLeft, y - groupGap + 2).lineWidth(0.6).strokeColor('#555').stroke();
    doc.strokeColor('black').fillColor('black').font('Helvetica').fontSize(10);
    doc.x = left;
    doc.y = y + 6;
  }

  private ensureSpace(points: number) {
    if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  async finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.height - 40;
      this.doc.font('Helvetica').fontSize(8).fillColor('#666').text(`${footer} – sida ${i + 1} av ${range.count}`, this.doc.page.margins.left, bottom, { lineBreak: false });
    }
    this.doc.end();
    return this.#done;
  }
}

export interface TableColumn {
  header: string;
  /** points */
  width: number;
}

export interface TableRowSpec {
  cells: string[];
  bold?: boolean;
  /** indent the first cell (a sub-row) */
  indent?: boolean;
}

export interface BarChartSpec {
  /** one group of bars per category */
  categories: string[];
  /** one bar per series in each group; values per category, null for none */
  series: { name: string; values: (number | null)[] }[];
  format: (value: number) => string;
  /** the scale's end (otherwise the largest value) */
  max?: number;
  /** text where a value is null */
  missing?: string;
  colors?: string[];
}

/** Europe/Stockholm date and time for documents: "2026-11-23 21:05". */
export function localDateTime(iso: string | null): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
