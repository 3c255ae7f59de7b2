import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { checkHeader, detectDelimiter, type ColumnSpec, type ImportProblem } from '@jourbok/domain';

/** Opens the file from its start. Called once per pass: files are read twice, never held in memory. */
export type CsvSource = () => Readable;

export interface CsvRow {
  /** the line the row starts on (the header is line 1) */
  line: number;
  /** the trimmed cell of a column, '' when the column is absent or empty */
  get(column: string): string;
  /** does the header have the column */
  has(column: string): boolean;
}

export interface CsvPass {
  /** data rows (not counting the header and empty lines) */
  rows: number;
  /** sha-256 of the file's bytes */
  sha256: string;
}

/** Read the start of the file to find its delimiter (`,` or `;`) from the header line. */
export async function sniffDelimiter(open: CsvSource): Promise<',' | ';'> {
  const stream = open();
  let text = '';
  try {
    for await (const chunk of stream) {
      text += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
      if (text.includes('\n') || text.length > 64 * 1024) break;
    }
  } finally {
    stream.destroy();
  }
  return detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '');
}

function hashing(hash: Hash, onBytes?: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes?.(bytes);
      done(null, chunk);
    },
  });
}

/**
 * One streaming pass over a CSV file (RFC 4180, UTF-8 with or without BOM):
 * checks the header against `spec`, then hands each data row to `onRow`.
 * Problems of the file's form (header, quoting, field count, encoding) go to
 * `onProblem`; rows with such a problem are not handed on. Memory stays
 * bounded: one row at a time.
 */
export async function readCsv(
  open: CsvSource,
  delimiter: ',' | ';',
  spec: readonly ColumnSpec[],
  onProblem: (problem: ImportProblem) => void,
  onRow: (row: CsvRow) => void | Promise<void>,
  /** the bytes read so far, as the file is read */
  onBytes?: (bytes: number) => void,
): Promise<CsvPass> {
  const hash = createHash('sha256');
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) onProblem({ line: Number((error as unknown as { lines?: number }).lines ?? 0), column: null, value: '', code: 'bad_quotes', detail: error.message.replace(/ at line \d+.*$/s, '') });
      return undefined;
    },
  });
  const piping = pipeline(open(), hashing(hash, onBytes), parser);
  let index: Map<string, number> | null = null;
  let width = 0;
  let rows = 0;
  let sawHeader = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const innerBreaks = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
      const line = info.lines - innerBreaks;
      const garbled = record.findIndex((field) => field.includes('\uFFFD'));
      if (!sawHeader) {
        sawHeader = true;
        const header = checkHeader(record, spec);
        header.problems.forEach(onProblem);
        if (garbled >= 0) onProblem({ line, column: record[garbled]!.trim(), value: record[garbled]!, code: 'not_utf8' });
        index = header.index;
        width = record.length;
        continue;
      }
      if (record.every((field) => field.trim() === '')) continue;
      rows++;
      if (record.length !== width) {
        onProblem({ line, column: null, value: '', code: 'field_count', detail: `${record.length}/${width}` });
        continue;
      }
      if (garbled >= 0) {
        const column = [...index!].find(([, i]) => i === garbled)?.[0] ?? `#${garbled + 1}`;
        onProblem({ line, column, value: record[garbled]!, code: 'not_utf8' });
        continue;
      }
      const columns = index!;
      await onRow({ line, get: (column) => (columns.has(column) ? (record[columns.get(column)!] ?? '').trim() : ''), has: (column) => columns.has(column) });
    }
    await piping;
  } catch (error) {
    await piping.catch(() => {});
    throw error;
  }
  if (!sawHeader) onProblem({ line: 1, column: null, value: '', code: 'empty_file' });
  return { rows, sha256: hash.digest('hex') };
}

/** A 53-bit hash of a string (cyrb53): ids are remembered as 8-byte numbers, not strings. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A growing list of numbers in a typed array: 8 bytes an entry. */
export class NumberList {
  #values = new Float64Array(1024);
  #length = 0;
  push(value: number) {
    if (this.#length === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.#length++] = value;
  }
  /** The values that occur more than once. */
  repeated(): Set<number> {
    const sorted = this.#values.slice(0, this.#length).sort();
    const out = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i]!);
    return out;
  }
}
