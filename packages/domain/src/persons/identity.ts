// Swedish identity numbers: personnummer and samordningsnummer (Skatteverket),
// reservnummer (no national standard) and persons without a known identity.
// Dates are ISO strings `YYYY-MM-DD`; `today` is always a parameter.
import { isIsoDate, parseIsoDate } from '../calendar/dates.ts';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';
export type Sex = 'female' | 'male';

export interface ParsedIdentityNumber {
  ok: true;
  kind: IdentityNumberKind;
  /** 12 digits `YYYYMMDDNNNC`; a samordningsnummer keeps its day + 60. */
  normalized: string;
  /** the real birth date `YYYY-MM-DD` (day − 60 for a samordningsnummer) */
  birthDate: string;
  /** from the ninth digit: odd = male, even = female */
  sex: Sex;
}

export type IdentityErrorReason = 'format' | 'date' | 'checksum' | 'future';

export interface IdentityError {
  ok: false;
  reason: IdentityErrorReason;
  /** Swedish, for the UI */
  message: string;
}

export type IdentityResult = ParsedIdentityNumber | IdentityError;

export const IDENTITY_ERROR_MESSAGES: Readonly<Record<IdentityErrorReason, string>> = {
  format: 'Ange personnumret som ÅÅMMDD-NNNN, ÅÅMMDD+NNNN eller ÅÅÅÅMMDDNNNN',
  date: 'Födelsedatumet i numret finns inte',
  checksum: 'Kontrollsiffran stämmer inte',
  future: 'Födelsedatumet ligger i framtiden',
};

/** Earliest birth year a 12-digit number may state. */
const MIN_BIRTH_YEAR = 1800;

const TEN_DIGITS = /^(\d{6})([-+]?)(\d{4})$/;
const TWELVE_DIGITS = /^(\d{8})-?(\d{4})$/;

function fail(reason: IdentityErrorReason): IdentityError {
  return { ok: false, reason, message: IDENTITY_ERROR_MESSAGES[reason] };
}

/**
 * Luhn check digit over a string of digits (weights 2, 1, 2, … from the left,
 * as Skatteverket applies it to the nine digits `YYMMDDNNN`).
 */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Invalid digits "${digits}"`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/**
 * The full birth year of a 10-digit number written on `today`.
 * With `-` (or no separator): the most recent year ending in `yy` that does not put
 * the birth date after `today`. With `+` (from the calendar year a person turns 100,
 * Folkbokföringslagen 18 §): the most recent year ending in `yy` at least 100 years
 * before today's year.
 */
function inferYear(yy: number, mmdd: string, plus: boolean, today: string): number {
  const todayYear = Number(today.slice(0, 4));
  const todayMmdd = today.slice(5, 7) + today.slice(8, 10);
  if (plus) {
    const limit = todayYear - 100;
    return limit - ((((limit - yy) % 100) + 100) % 100);
  }
  let year = todayYear - ((((todayYear - yy) % 100) + 100) % 100);
  if (year === todayYear && mmdd > todayMmdd) year -= 100;
  return year;
}

/**
 * Parses a personnummer or samordningsnummer written as `YYMMDD-NNNC`,
 * `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDD-NNNC` or `YYYYMMDDNNNC` (surrounding
 * whitespace ignored). Checks, in order: format, date (day 61–91 is a
 * samordningsnummer), a birth date after `today`, and the Luhn check digit.
 */
export function parseIdentityNumber(input: string, today: string): IdentityResult {
  parseIsoDate(today, 'today');
  const value = input.trim();
  let year: number;
  let mmdd: string;
  let serial: string;
  const short = TEN_DIGITS.exec(value);
  const long = short ? null : TWELVE_DIGITS.exec(value);
  if (short) {
    const [, yymmdd = '', separator, rest = ''] = short;
    mmdd = yymmdd.slice(2);
    serial = rest;
    year = inferYear(Number(yymmdd.slice(0, 2)), monthDayOfBirth(mmdd), separator === '+', today);
  } else if (long) {
    const [, yyyymmdd = '', rest = ''] = long;
    year = Number(yyyymmdd.slice(0, 4));
    mmdd = yyyymmdd.slice(4);
    serial = rest;
  } else {
    return fail('format');
  }

  const day = Number(mmdd.slice(2));
  const kind: IdentityNumberKind = day > 60 ? 'samordningsnummer' : 'personnummer';
  const birthDate = `${pad(year, 4)}-${mmdd.slice(0, 2)}-${pad(kind === 'samordningsnummer' ? day - 60 : day, 2)}`;
  if (year < MIN_BIRTH_YEAR || !isIsoDate(birthDate)) return fail('date');
  if (birthDate > today) return fail('future');

  const nine = `${pad(year % 100, 2)}${mmdd}${serial.slice(0, 3)}`;
  if (luhnCheckDigit(nine) !== Number(serial[3])) return fail('checksum');

  return {
    ok: true,
    kind,
    normalized: `${pad(year, 4)}${mmdd}${serial}`,
    birthDate,
    sex: Number(serial[2]) % 2 === 1 ? 'male' : 'female',
  };
}

/** `MMDD` of the birth itself: a samordningsnummer's day − 60, for century inference. */
function monthDayOfBirth(mmdd: string): string {
  const day = Number(mmdd.slice(2));
  return mmdd.slice(0, 2) + pad(day > 60 ? day - 60 : day, 2);
}

function assertNormalized(normalized: string): void {
  if (!/^\d{12}$/.test(normalized)) throw new RangeError(`Invalid normalized identity number "${normalized}": expected 12 digits`);
}

/** `YYYYMMDD-NNNC`: how Jourbok shows a personnummer or samordningsnummer. */
export function formatPersonnummer(normalized: string): string {
  assertNormalized(normalized);
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/**
 * The 10-digit form `YYMMDD-NNNC` as written on `today`: `+` from the calendar
 * year the person turns 100 (Folkbokföringslagen 18 §).
 */
export function formatPersonnummerShort(normalized: string, today: string): string {
  assertNormalized(normalized);
  parseIsoDate(today, 'today');
  const separator = Number(today.slice(0, 4)) - Number(normalized.slice(0, 4)) >= 100 ? '+' : '-';
  return `${normalized.slice(2, 8)}${separator}${normalized.slice(8)}`;
}

/**
 * Age in whole years on `date`. A person born on 29 February turns a year older
 * on 1 March in a common year.
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseIsoDate(birthDate, 'birthDate');
  const on = parseIsoDate(date);
  if (on.toString() < birth.toString()) throw new RangeError(`Date ${date} is before the birth date ${birthDate}`);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

export const CHILD_AGE_LIMIT = 18;

/** Under 18 on `date` (a child in the sense of the social services act and the CRC). */
export function isChildOn(birthDate: string, date: string): boolean {
  return ageOn(birthDate, date) < CHILD_AGE_LIMIT;
}

// ---------------------------------------------------------------------------
// Reservnummer and unknown identity

/** A reserve number: no national standard, so it is opaque and kept with its issuer. */
export interface Reservnummer {
  kind: 'reservnummer';
  value: string;
  /** who issued it, e.g. a region's health care (`Region Stockholm`) */
  issuer: string;
}

export const RESERVNUMMER_MAX_LENGTH = 40;
export const RESERVNUMMER_ISSUER_MAX_LENGTH = 100;

export type ReservnummerResult =
  | { ok: true; reservnummer: Reservnummer }
  | { ok: false; errors: { field: 'value' | 'issuer'; message: string }[] };

/** Trims both parts and checks only that they are present and not too long. */
export function validateReservnummer(value: string, issuer: string): ReservnummerResult {
  const v = value.trim();
  const i = issuer.trim();
  const errors: { field: 'value' | 'issuer'; message: string }[] = [];
  if (v === '') errors.push({ field: 'value', message: 'Ange reservnumret' });
  else if (v.length > RESERVNUMMER_MAX_LENGTH) errors.push({ field: 'value', message: `Reservnumret får vara högst ${RESERVNUMMER_MAX_LENGTH} tecken` });
  if (i === '') errors.push({ field: 'issuer', message: 'Ange vem som har utfärdat reservnumret' });
  else if (i.length > RESERVNUMMER_ISSUER_MAX_LENGTH) errors.push({ field: 'issuer', message: `Utfärdaren får vara högst ${RESERVNUMMER_ISSUER_MAX_LENGTH} tecken` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, reservnummer: { kind: 'reservnummer', value: v, issuer: i } };
}

/** A person recorded without any number, to be matched later. */
export interface UnknownIdentity {
  kind: 'unknown';
  /** approximate birth year, if anyone could guess it */
  birthYearApprox: number | null;
}

/** How a person is identified on a case. */
export type PersonIdentity =
  | { kind: 'personnummer'; normalized: string }
  | { kind: 'samordningsnummer'; normalized: string }
  | Reservnummer
  | UnknownIdentity;

/** Oldest approximate birth year accepted (the database has the same bound). */
export const MIN_APPROX_BIRTH_YEAR = 1880;

/** An approximate birth year must be a whole year from 1880 up to the current year. */
export function validateApproxBirthYear(year: number, today: string): { ok: true } | { ok: false; message: string } {
  const currentYear = parseIsoDate(today, 'today').year;
  if (!Number.isInteger(year) || year < MIN_APPROX_BIRTH_YEAR || year > currentYear) {
    return { ok: false, message: `Ange ett ungefärligt födelseår mellan ${MIN_APPROX_BIRTH_YEAR} och ${currentYear}` };
  }
  return { ok: true };
}

/** `ca 1985` for an approximate birth year, `Födelseår okänt` when there is none. */
export function displayBirthYear(birthYearApprox: number | null): string {
  return birthYearApprox === null ? 'Födelseår okänt' : `ca ${birthYearApprox}`;
}

/** Approximate age range on `date` from an approximate birth year: born that year, so age or age − 1. */
export function approxAgeOn(birthYearApprox: number, date: string): { min: number; max: number } {
  const year = parseIsoDate(date).year;
  const max = year - birthYearApprox;
  return { min: Math.max(0, max - 1), max };
}
