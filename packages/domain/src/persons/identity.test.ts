import { describe, expect, it } from 'vitest';
import {
  ageOn,
  approxAgeOn,
  displayBirthYear,
  formatPersonnummer,
  formatPersonnummerShort,
  isChildOn,
  luhnCheckDigit,
  parseIdentityNumber,
  validateApproxBirthYear,
  validateReservnummer,
} from './identity.ts';

const TODAY = '2026-05-15';

/**
 * Reference Luhn, written independently of the code under test, used only to
 * check that the fixtures below are what they claim to be.
 */
function referenceLuhn(nine: string): number {
  const weights = [2, 1, 2, 1, 2, 1, 2, 1, 2];
  const sum = weights.reduce((acc, w, i) => {
    const p = Number(nine.charAt(i)) * w;
    return acc + Math.floor(p / 10) + (p % 10);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

// Check digits computed by hand (and with referenceLuhn) over YYMMDDNNN:
//   121212121 → 2   811218987 → 6   900101001 → 7   701063239 → 1
//   811228987 → 4   811288987 → 1   000229123 → 5   470101020 → 1
//   260515123 → 8   260516123 → 7   261231001 → 7   160229123 → 7
//   990101999 → 3   250101111 → 4   891301123 → 8   890230123 → 6
//   890100123 → 3   890132123 → 5   890192123 → 2   890160123 → 0
describe('fixtures', () => {
  it.each([
    ['121212121', 2],
    ['811218987', 6],
    ['900101001', 7],
    ['701063239', 1],
    ['811228987', 4],
    ['811288987', 1],
    ['000229123', 5],
    ['470101020', 1],
    ['260515123', 8],
    ['260516123', 7],
    ['261231001', 7],
    ['160229123', 7],
    ['990101999', 3],
    ['250101111', 4],
  ])('reference Luhn of %s is %i, and luhnCheckDigit agrees', (nine, digit) => {
    expect(referenceLuhn(nine)).toBe(digit);
    expect(luhnCheckDigit(nine)).toBe(digit);
  });
});

describe('parseIdentityNumber: valid numbers', () => {
  it.each([
    // input, today, kind, normalized, birthDate, sex
    ['19121212-1212', TODAY, 'personnummer', '191212121212', '1912-12-12', 'male'], // Tolvan Tolvansson
    ['191212121212', TODAY, 'personnummer', '191212121212', '1912-12-12', 'male'],
    ['121212+1212', TODAY, 'personnummer', '191212121212', '1912-12-12', 'male'], // 100+ → '+'
    ['121212-1212', TODAY, 'personnummer', '201212121212', '2012-12-12', 'male'], // '-' → most recent century
    ['1212121212', TODAY, 'personnummer', '201212121212', '2012-12-12', 'male'],
    ['19811218-9876', TODAY, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['811218-9876', TODAY, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['8112189876', TODAY, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['19900101-0017', TODAY, 'personnummer', '199001010017', '1990-01-01', 'male'],
    ['900101-0017', TODAY, 'personnummer', '199001010017', '1990-01-01', 'male'],
    ['  900101-0017\t', TODAY, 'personnummer', '199001010017', '1990-01-01', 'male'], // trimmed
    ['811228-9874', TODAY, 'personnummer', '198112289874', '1981-12-28', 'male'],
    ['470101-0201', TODAY, 'personnummer', '194701010201', '1947-01-01', 'female'], // 9th digit 0 → female
    ['250101-1114', TODAY, 'personnummer', '202501011114', '2025-01-01', 'male'],
    // samordningsnummer: day + 60
    ['701063-2391', TODAY, 'samordningsnummer', '197010632391', '1970-10-03', 'male'],
    ['19701063-2391', TODAY, 'samordningsnummer', '197010632391', '1970-10-03', 'male'],
    ['811288-9871', TODAY, 'samordningsnummer', '198112889871', '1981-12-28', 'male'],
    // century inference around today (2026-05-15)
    ['260515-1238', TODAY, 'personnummer', '202605151238', '2026-05-15', 'male'], // born today
    ['260516-1237', TODAY, 'personnummer', '192605161237', '1926-05-16', 'male'], // tomorrow would be future → 1926
    ['261231-0017', TODAY, 'personnummer', '192612310017', '1926-12-31', 'male'],
    ['260515+1238', TODAY, 'personnummer', '192605151238', '1926-05-15', 'male'], // 100 today
    // '+' from the calendar year the person turns 100 (still 99 today)
    ['261231+0017', TODAY, 'personnummer', '192612310017', '1926-12-31', 'male'],
    ['990101-9993', TODAY, 'personnummer', '199901019993', '1999-01-01', 'male'],
    ['990101-9993', '2099-12-31', 'personnummer', '209901019993', '2099-01-01', 'male'],
    ['990101+9993', '2099-12-31', 'personnummer', '199901019993', '1999-01-01', 'male'],
    ['250101-1114', '2025-01-01', 'personnummer', '202501011114', '2025-01-01', 'male'],
    ['250101-1114', '2024-12-31', 'personnummer', '192501011114', '1925-01-01', 'male'],
    // leap days depend on the century
    ['000229-1235', TODAY, 'personnummer', '200002291235', '2000-02-29', 'male'],
    ['160229-1237', TODAY, 'personnummer', '201602291237', '2016-02-29', 'male'],
  ] as const)('%s on %s → %s %s', (input, today, kind, normalized, birthDate, sex) => {
    const result = parseIdentityNumber(input, today);
    expect(result).toEqual({ ok: true, kind, normalized, birthDate, sex });
  });
});

describe('parseIdentityNumber: invalid numbers', () => {
  it.each([
    // format
    ['', 'format'],
    ['   ', 'format'],
    ['12345', 'format'],
    ['121212-121', 'format'],
    ['121212-12121', 'format'],
    ['121212–1212', 'format'], // en dash
    ['121212 1212', 'format'],
    ['12-12-12-1212', 'format'],
    ['abcdef-1234', 'format'],
    ['1912121212121', 'format'], // 13 digits
    ['19121212+1212', 'format'], // '+' only in the 10-digit form
    ['191212-121212', 'format'],
    // impossible dates
    ['891301-1238', 'date'], // month 13
    ['890230-1236', 'date'], // 30 February
    ['890100-1233', 'date'], // day 00
    ['890132-1235', 'date'], // day 32
    ['890160-1230', 'date'], // samordningsnummer day 60 → day 0
    ['890192-1232', 'date'], // samordningsnummer day 92 → day 32
    ['000229+1235', 'date'], // 1900 was not a leap year
    ['19000229-1235', 'date'],
    ['17000101-0000', 'date'], // before 1800
    // future
    ['20990101-9993', 'future'],
    ['20260516-1237', 'future'], // tomorrow
    // check digit
    ['19121212-1213', 'checksum'],
    ['121212-1211', 'checksum'],
    ['811218-9875', 'checksum'],
    ['701063-2392', 'checksum'],
    ['811288-9874', 'checksum'], // check digit of the personnummer on a samordningsnummer
    ['19900101-0018', 'checksum'],
  ] as const)('%j → %s', (input, reason) => {
    const result = parseIdentityNumber(input, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it('says so in Swedish when the check digit is wrong', () => {
    expect(parseIdentityNumber('19121212-1213', TODAY)).toEqual({ ok: false, reason: 'checksum', message: 'Kontrollsiffran stämmer inte' });
  });

  it('rejects an invalid today', () => {
    expect(() => parseIdentityNumber('19121212-1212', '2026-5-15')).toThrow(RangeError);
  });
});

describe('formatPersonnummer', () => {
  it.each([
    ['191212121212', '19121212-1212'],
    ['198112189876', '19811218-9876'],
    ['197010632391', '19701063-2391'],
  ])('%s → %s', (normalized, formatted) => expect(formatPersonnummer(normalized)).toBe(formatted));

  it.each(['19121212-1212', '1212121212', ''])('rejects %j', (value) => expect(() => formatPersonnummer(value)).toThrow(RangeError));
});

describe('formatPersonnummerShort', () => {
  it.each([
    ['191212121212', TODAY, '121212+1212'],
    ['198112189876', TODAY, '811218-9876'],
    ['192612310017', '2025-12-31', '261231-0017'],
    ['192612310017', '2026-01-01', '261231+0017'], // the year they turn 100
    ['197010632391', TODAY, '701063-2391'],
  ])('%s on %s → %s', (normalized, today, formatted) => {
    expect(formatPersonnummerShort(normalized, today)).toBe(formatted);
    // and it parses back to the same number
    const parsed = parseIdentityNumber(formatted, today);
    expect(parsed.ok && parsed.normalized).toBe(normalized);
  });
});

describe('ageOn / isChildOn', () => {
  it.each([
    ['2000-05-15', '2026-05-15', 26],
    ['2000-05-16', '2026-05-15', 25],
    ['2026-05-15', '2026-05-15', 0],
    ['1912-12-12', '2026-05-15', 113],
    ['2004-02-29', '2022-02-28', 17], // a leap-day child turns a year older on 1 March
    ['2004-02-29', '2022-03-01', 18],
    ['2004-02-29', '2024-02-29', 20],
    ['2006-12-31', '2026-12-30', 19],
    ['2006-12-31', '2026-12-31', 20],
  ])('born %s, on %s → %i', (birth, date, age) => expect(ageOn(birth, date)).toBe(age));

  it.each([
    ['2008-05-15', '2026-05-14', true],
    ['2008-05-15', '2026-05-15', false],
    ['2025-01-01', '2026-05-15', true],
    ['1981-12-18', '2026-05-15', false],
  ])('born %s, child on %s: %s', (birth, date, child) => expect(isChildOn(birth, date)).toBe(child));

  it('refuses a date before the birth and invalid dates', () => {
    expect(() => ageOn('2026-05-15', '2026-05-14')).toThrow(RangeError);
    expect(() => ageOn('2026-02-30', '2026-05-14')).toThrow(RangeError);
  });
});

describe('validateReservnummer', () => {
  it.each([
    ['RES-123456', 'Region Stockholm', true],
    ['  991234-X12  ', ' Karolinska ', true],
    ['', 'Region Stockholm', false],
    ['   ', 'Region Stockholm', false],
    ['RES-1', '', false],
    ['x'.repeat(41), 'Region Stockholm', false],
    ['x'.repeat(40), 'Region Stockholm', true],
    ['RES-1', 'y'.repeat(101), false],
  ])('%j issued by %j → %s', (value, issuer, ok) => expect(validateReservnummer(value, issuer).ok).toBe(ok));

  it('trims and keeps the issuer', () => {
    expect(validateReservnummer('  991234-X12 ', ' Karolinska ')).toEqual({
      ok: true,
      reservnummer: { kind: 'reservnummer', value: '991234-X12', issuer: 'Karolinska' },
    });
  });

  it('names both missing fields', () => {
    const result = validateReservnummer('', '');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['value', 'issuer']);
  });
});

describe('unknown identity', () => {
  it.each([
    [1985, 'ca 1985'],
    [null, 'Födelseår okänt'],
  ])('displayBirthYear(%j) → %s', (year, text) => expect(displayBirthYear(year)).toBe(text));

  it.each([
    [1985, true],
    [2026, true],
    [2027, false],
    [1880, true],
    [1879, false],
    [1985.5, false],
  ])('validateApproxBirthYear(%j) → %s', (year, ok) => expect(validateApproxBirthYear(year, TODAY).ok).toBe(ok));

  it.each([
    [2010, '2026-05-15', { min: 15, max: 16 }],
    [2026, '2026-05-15', { min: 0, max: 0 }],
  ])('approxAgeOn(%i, %s)', (year, date, range) => expect(approxAgeOn(year, date)).toEqual(range));
});
