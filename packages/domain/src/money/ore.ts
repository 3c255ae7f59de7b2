/**
 * Money is counted in whole öre (1 SEK = 100 öre) as integers, never floats.
 */

/** "450", "450,5", "450.50", "1 234,00" → öre; null when the text is not an amount. */
export function parseSekToOre(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const m = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const kronor = Number(m[1]);
  const ore = Number((m[2] ?? '').padEnd(2, '0'));
  const total = kronor * 100 + ore;
  return Number.isSafeInteger(total) ? total : null;
}

/** öre → "1234.50" (the contracts' money string: exactly two decimals, '.'). */
export function formatOre(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** öre → "1 234,50 kr" for people. */
export function formatSek(ore: number): string {
  const sign = ore < 0 ? '−' : '';
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${kronor},${String(abs % 100).padStart(2, '0')}\u00a0kr`;
}
