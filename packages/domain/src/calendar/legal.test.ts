import { describe, expect, it } from 'vitest';
import { isLegalNonWorkingDay, nextLegalWorkingDay } from './legal.ts';

describe('isLegalNonWorkingDay / nextLegalWorkingDay (lag 1930:173 2 §)', () => {
  it.each([
    // date, non-working, next working day
    ['2026-05-18', false, '2026-05-18'], // ordinary Monday
    ['2026-05-16', true, '2026-05-18'], // Saturday
    ['2026-05-17', true, '2026-05-18'], // Sunday
    // Easter 2026
    ['2026-04-02', false, '2026-04-02'], // Skärtorsdagen is a working day
    ['2026-04-03', true, '2026-04-07'], // Långfredagen
    ['2026-04-04', true, '2026-04-07'], // Påskafton (a Saturday)
    ['2026-04-05', true, '2026-04-07'], // Påskdagen
    ['2026-04-06', true, '2026-04-07'], // Annandag påsk
    ['2026-04-07', false, '2026-04-07'],
    // Easter 2027
    ['2027-03-26', true, '2027-03-30'],
    // spring holidays
    ['2026-04-30', false, '2026-04-30'], // Valborgsmässoafton is a working day
    ['2026-05-01', true, '2026-05-04'], // Första maj (Friday)
    ['2026-05-14', true, '2026-05-15'], // Kristi himmelsfärdsdag
    ['2026-05-15', false, '2026-05-15'], // a bridge day is a working day
    ['2026-06-06', true, '2026-06-08'], // Nationaldagen on a Saturday
    // Midsummer
    ['2026-06-18', false, '2026-06-18'],
    ['2026-06-19', true, '2026-06-22'], // Midsommarafton
    ['2026-06-20', true, '2026-06-22'], // Midsommardagen
    ['2027-06-25', true, '2027-06-28'], // Midsommarafton 2027
    // Alla helgon
    ['2026-10-30', false, '2026-10-30'],
    ['2026-10-31', true, '2026-11-02'],
    // Christmas and New Year 2026/27
    ['2026-12-23', false, '2026-12-23'],
    ['2026-12-24', true, '2026-12-28'], // Julafton
    ['2026-12-25', true, '2026-12-28'],
    ['2026-12-31', true, '2027-01-04'], // Nyårsafton, Nyårsdagen on Friday, then a weekend
    ['2027-01-05', false, '2027-01-05'], // Trettondagsafton is a working day
    ['2027-01-06', true, '2027-01-07'], // Trettondedag jul
    // Christmas and New Year 2025/26
    ['2025-12-24', true, '2025-12-29'],
    ['2025-12-31', true, '2026-01-02'],
    ['2026-01-01', true, '2026-01-02'],
    ['2026-01-02', false, '2026-01-02'],
  ])('%s: non-working %s, next working day %s', (date, nonWorking, next) => {
    expect(isLegalNonWorkingDay(date)).toBe(nonWorking);
    expect(nextLegalWorkingDay(date)).toBe(next);
  });

  it.each(['2026-02-29', '2026-1-1', ''])('rejects %j', (date) => {
    expect(() => isLegalNonWorkingDay(date)).toThrow(RangeError);
    expect(() => nextLegalWorkingDay(date)).toThrow(RangeError);
  });
});
