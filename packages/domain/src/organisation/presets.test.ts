import { describe, expect, it } from 'vitest';
import { isValidKommunkod, legalBasisOn, nordostPreset, nordvastPreset, swedishCollator } from './presets.ts';

describe('presets', () => {
  it('Nordost has the seven members with Vallentuna as host', () => {
    expect(nordostPreset.municipalities.map((m) => m.code).sort()).toEqual(['0115', '0117', '0160', '0162', '0186', '0187', '0188']);
    expect(nordostPreset.municipalities.filter((m) => m.isHost).map((m) => m.name)).toEqual(['Vallentuna']);
  });
  it('Nordväst has eight members with Sigtuna as host and three per shift', () => {
    expect(nordvastPreset.municipalities).toHaveLength(8);
    expect(nordvastPreset.municipalities.find((m) => m.isHost)?.name).toBe('Sigtuna');
    expect(nordvastPreset.staffPerShift).toBe(3);
  });
  it('every member code is a valid kommunkod', () => {
    for (const m of [...nordostPreset.municipalities, ...nordvastPreset.municipalities]) expect(isValidKommunkod(m.code)).toBe(true);
  });
});

describe('legalBasisOn', () => {
  const sol = nordostPreset.decisionTypes.find((t) => t.code === 'SOL_PLACERING')!;
  it.each([
    ['2025-06-30', '4 kap. 1 § socialtjänstlagen (2001:453)'],
    ['2025-07-01', 'Socialtjänstlagen (2025:400) [verifiera paragraf]'],
    ['2001-12-31', null],
  ])('on %s → %s', (date, expected) => {
    expect(legalBasisOn(sol, date)?.reference ?? null).toBe(expected);
  });
});

describe('isValidKommunkod', () => {
  it.each([
    ['0160', true],
    ['2584', true],
    ['0000', false],
    ['2600', false],
    ['160', false],
    ['01a0', false],
  ])('%s → %s', (code, expected) => expect(isValidKommunkod(code)).toBe(expected));
});

describe('swedishCollator', () => {
  it('sorts å, ä, ö last', () => {
    expect(['Österåker', 'Täby', 'Ängelholm', 'Åre', 'Vaxholm'].sort(swedishCollator.compare)).toEqual([
      'Täby',
      'Vaxholm',
      'Åre',
      'Ängelholm',
      'Österåker',
    ]);
  });
});
