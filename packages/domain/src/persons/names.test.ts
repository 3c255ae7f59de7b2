import { describe, expect, it } from 'vitest';
import { normalizeNameForSearch } from './names.ts';

describe('normalizeNameForSearch', () => {
  it.each([
    ['Anna Svensson', 'anna svensson'],
    ['ÅSA ÖSTLUND', 'åsa östlund'],
    ['Anna-Lena Ångström', 'anna lena ångström'],
    ['Märta Ärlig', 'märta ärlig'],
    ['José Núñez', 'jose nunez'],
    ['Zoë Müller', 'zoe muller'],
    ['Hélène Lefèvre', 'helene lefevre'],
    ['Søren Kierkegaard', 'sören kierkegaard'], // ø → ö
    ['Ærø', 'ärö'], // æ → ä
    ['Strauß', 'strauss'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ["O'Brien", 'obrien'],
    ['  Per   Olof\tPersson  ', 'per olof persson'],
    ['Carl–Johan', 'carl johan'], // en dash
    ['A\u030Asa', 'åsa'], // decomposed å (a + combining ring) composes to å
    ['Ahmed Al-Hashimi', 'ahmed al hashimi'],
    ['Çelik Şahin', 'celik sahin'],
    ['Nguyễn Thị', 'nguyen thi'],
    ['Иван', 'иван'], // other scripts are kept, lower-cased
    ['', ''],
    ['---', ''],
  ])('%j → %j', (name, expected) => expect(normalizeNameForSearch(name)).toBe(expected));

  it('is idempotent', () => {
    for (const name of ['Anna-Lena Ångström', 'Søren', 'José Núñez']) {
      const once = normalizeNameForSearch(name);
      expect(normalizeNameForSearch(once)).toBe(once);
    }
  });
});
