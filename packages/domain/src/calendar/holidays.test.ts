import { describe, expect, it } from 'vitest';
import { EVE_CODES, easterSunday, holidayEve, swedishPublicHolidays, type EveCode } from './holidays.ts';

/** The date of the holiday called `name` in `year`. */
const dateOf = (year: number, name: string) => swedishPublicHolidays(year).find((h) => h.name === name)?.date;

describe('easterSunday', () => {
  it.each([
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2031, '2031-04-13'],
    [2000, '2000-04-23'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1500, 2026.5, Number.NaN, 10000])('rejects year %s', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('swedishPublicHolidays: movable holidays', () => {
  it.each([
    // year, Långfredagen, Annandag påsk, Kristi himmelsfärdsdag, Pingstdagen, Midsommardagen, Alla helgons dag
    [2020, '2020-04-10', '2020-04-13', '2020-05-21', '2020-05-31', '2020-06-20', '2020-10-31'],
    [2021, '2021-04-02', '2021-04-05', '2021-05-13', '2021-05-23', '2021-06-26', '2021-11-06'],
    [2022, '2022-04-15', '2022-04-18', '2022-05-26', '2022-06-05', '2022-06-25', '2022-11-05'],
    [2023, '2023-04-07', '2023-04-10', '2023-05-18', '2023-05-28', '2023-06-24', '2023-11-04'],
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-19', '2024-06-22', '2024-11-02'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-21', '2025-11-01'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-24', '2026-06-20', '2026-10-31'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-16', '2027-06-26', '2027-11-06'],
    [2028, '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-04', '2028-06-24', '2028-11-04'],
    [2029, '2029-03-30', '2029-04-02', '2029-05-10', '2029-05-20', '2029-06-23', '2029-11-03'],
    [2030, '2030-04-19', '2030-04-22', '2030-05-30', '2030-06-09', '2030-06-22', '2030-11-02'],
    [2031, '2031-04-11', '2031-04-14', '2031-05-22', '2031-06-01', '2031-06-21', '2031-11-01'],
  ])('%i', (year, langfredagen, annandagPask, himmelsfard, pingst, midsommar, allaHelgon) => {
    expect(dateOf(year, 'Långfredagen')).toBe(langfredagen);
    expect(dateOf(year, 'Annandag påsk')).toBe(annandagPask);
    expect(dateOf(year, 'Kristi himmelsfärdsdag')).toBe(himmelsfard);
    expect(dateOf(year, 'Pingstdagen')).toBe(pingst);
    expect(dateOf(year, 'Midsommardagen')).toBe(midsommar);
    expect(dateOf(year, 'Alla helgons dag')).toBe(allaHelgon);
  });

  it.each([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031])(
    '%i has thirteen holidays sorted by date, fixed ones on their dates',
    (year) => {
      const holidays = swedishPublicHolidays(year);
      expect(holidays).toHaveLength(13);
      expect(holidays.map((h) => h.date)).toEqual(holidays.map((h) => h.date).sort());
      expect(dateOf(year, 'Nyårsdagen')).toBe(`${year}-01-01`);
      expect(dateOf(year, 'Trettondedag jul')).toBe(`${year}-01-06`);
      expect(dateOf(year, 'Första maj')).toBe(`${year}-05-01`);
      expect(dateOf(year, 'Nationaldagen')).toBe(`${year}-06-06`);
      expect(dateOf(year, 'Juldagen')).toBe(`${year}-12-25`);
      expect(dateOf(year, 'Annandag jul')).toBe(`${year}-12-26`);
    },
  );
});

describe('swedishPublicHolidays: whole years', () => {
  it('2026 in full', () => {
    expect(swedishPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nyårsdagen' },
      { date: '2026-01-06', name: 'Trettondedag jul' },
      { date: '2026-04-03', name: 'Långfredagen' },
      { date: '2026-04-05', name: 'Påskdagen' },
      { date: '2026-04-06', name: 'Annandag påsk' },
      { date: '2026-05-01', name: 'Första maj' },
      { date: '2026-05-14', name: 'Kristi himmelsfärdsdag' },
      { date: '2026-05-24', name: 'Pingstdagen' },
      { date: '2026-06-06', name: 'Nationaldagen' },
      { date: '2026-06-20', name: 'Midsommardagen' },
      { date: '2026-10-31', name: 'Alla helgons dag' },
      { date: '2026-12-25', name: 'Juldagen' },
      { date: '2026-12-26', name: 'Annandag jul' },
    ]);
  });

  it('keeps both holidays on a shared date, in list order (2008-05-01)', () => {
    expect(swedishPublicHolidays(2008).filter((h) => h.date === '2008-05-01')).toEqual([
      { date: '2008-05-01', name: 'Första maj' },
      { date: '2008-05-01', name: 'Kristi himmelsfärdsdag' },
    ]);
  });

  it('returns fresh objects each call', () => {
    const first = swedishPublicHolidays(2026);
    const firstEntry = first[0];
    if (firstEntry) firstEntry.name = 'changed';
    expect(swedishPublicHolidays(2026)[0]?.name).toBe('Nyårsdagen');
  });
});

describe('holidayEve', () => {
  it.each<[EveCode, string, string]>([
    ['midsommarafton', '2026-06-19', 'Midsommarafton'],
    ['julafton', '2026-12-24', 'Julafton'],
    ['nyarsafton', '2026-12-31', 'Nyårsafton'],
    ['paskafton', '2026-04-04', 'Påskafton'],
    ['pingstafton', '2026-05-23', 'Pingstafton'],
    ['trettondagsafton', '2026-01-05', 'Trettondagsafton'],
    ['valborgsmassoafton', '2026-04-30', 'Valborgsmässoafton'],
    ['alla_helgons_afton', '2026-10-30', 'Alla helgons afton'],
  ])('2026 %s → %s %s', (eve, date, name) => {
    expect(holidayEve(2026, eve)).toEqual({ date, name });
  });

  it('covers every eve code', () => {
    expect(EVE_CODES).toHaveLength(8);
  });

  it.each([
    // year, Midsommarafton (Friday 19–25 June), Alla helgons afton (Friday 30 Oct–5 Nov), Påskafton, Pingstafton
    [2020, '2020-06-19', '2020-10-30', '2020-04-11', '2020-05-30'],
    [2021, '2021-06-25', '2021-11-05', '2021-04-03', '2021-05-22'],
    [2024, '2024-06-21', '2024-11-01', '2024-03-30', '2024-05-18'],
    [2027, '2027-06-25', '2027-11-05', '2027-03-27', '2027-05-15'],
    [2028, '2028-06-23', '2028-11-03', '2028-04-15', '2028-06-03'],
    [2031, '2031-06-20', '2031-10-31', '2031-04-12', '2031-05-31'],
  ])('%i movable eves', (year, midsommarafton, allaHelgonsAfton, paskafton, pingstafton) => {
    expect(holidayEve(year, 'midsommarafton').date).toBe(midsommarafton);
    expect(holidayEve(year, 'alla_helgons_afton').date).toBe(allaHelgonsAfton);
    expect(holidayEve(year, 'paskafton').date).toBe(paskafton);
    expect(holidayEve(year, 'pingstafton').date).toBe(pingstafton);
  });
});
