// The header row of an import file: delimiter, columns in any order.
import type { ImportProblem } from './problems.ts';

export interface ColumnSpec {
  name: string;
  required: boolean;
}

/**
 * The delimiter of a file from its header line: `;` when the header has more
 * semicolons than commas outside quotes (Excel in Swedish), otherwise `,`.
 */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface HeaderResult {
  /** column name → index of its field in a record (the first, when repeated) */
  index: Map<string, number>;
  problems: ImportProblem[];
}

/**
 * Check a header against the columns of a file kind. An unknown, a missing
 * required or a repeated column rejects the file; each is one problem on line 1.
 */
export function checkHeader(fields: readonly string[], spec: readonly ColumnSpec[]): HeaderResult {
  const known = new Set(spec.map((c) => c.name));
  const index = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const names = fields.map((f) => f.trim());
  names.forEach((name, i) => {
    if (!known.has(name)) {
      problems.push({ line: 1, column: name === '' ? `#${i + 1}` : name, value: name, code: 'unknown_column', detail: spec.map((c) => c.name).join(', ') });
    } else if (index.has(name)) {
      problems.push({ line: 1, column: name, value: name, code: 'repeated_column' });
    } else {
      index.set(name, i);
    }
  });
  for (const c of spec) {
    if (c.required && !index.has(c.name)) problems.push({ line: 1, column: c.name, value: '', code: 'missing_column' });
  }
  return { index, problems };
}
