import { describe, expect, it } from 'vitest';
import { formatOre, formatSek, parseSekToOre } from './ore.ts';

describe('parseSekToOre', () => {
  it.each<[string, number | null]>([
    ['450', 45_000],
    ['450,5', 45_050],
    ['450.50', 45_050],
    ['0,01', 1],
    ['1 234,00', 123_400],
    ['', null],
    ['-5', null],
    ['1,234', null],
    ['abc', null],
    ['12.', null],
  ])('%j → %j', (text, expected) => expect(parseSekToOre(text)).toBe(expected));
});

describe('formatOre', () => {
  it.each<[number, string]>([
    [0, '0.00'],
    [1, '0.01'],
    [45_050, '450.50'],
    [262_610_500, '2626105.00'],
    [-150, '-1.50'],
  ])('%d → %s', (ore, expected) => expect(formatOre(ore)).toBe(expected));
});

describe('formatSek', () => {
  it('groups thousands and uses a decimal comma', () => {
    expect(formatSek(123_456_78)).toBe('123\u00a0456,78\u00a0kr');
  });
});
