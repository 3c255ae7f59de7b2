// Names folded for fuzzy search (trigram matching in the database).

/** Letters that are their own letters in Swedish and must not lose their marks. */
const SWEDISH_LETTERS = new Set(['å', 'ä', 'ö']);

/** Letters folded to their Swedish equivalents or spelled out rather than stripped. */
const FOLDS: Readonly<Record<string, string>> = {
  æ: 'ä',
  ø: 'ö',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  œ: 'oe',
};

/**
 * Lower case, diacritics removed except on å, ä and ö (é → e, ü → u, ñ → n),
 * æ → ä and ø → ö, hyphens and other separators as single spaces, apostrophes
 * and other punctuation removed. `Anna-Lena Ångström` → `anna lena ångström`,
 * `José O'Brien` → `jose obrien`.
 */
export function normalizeNameForSearch(name: string): string {
  let out = '';
  for (const char of name.normalize('NFC').toLocaleLowerCase('sv')) {
    if (SWEDISH_LETTERS.has(char)) {
      out += char;
      continue;
    }
    const folded = FOLDS[char];
    if (folded !== undefined) {
      out += folded;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[\p{L}\p{N}]+$/u.test(base)) out += base;
    else if (/^[\s\-‐‑‒–—_.,/]$/u.test(base)) out += ' ';
    // anything else (apostrophes, quotes, symbols) is dropped
  }
  return out.replace(/\s+/g, ' ').trim();
}
