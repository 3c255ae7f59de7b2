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

/** Europe/Stockholm date and time for documents: "2026-11-23 21:05". */
export function localDateTime(iso: string | null): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
