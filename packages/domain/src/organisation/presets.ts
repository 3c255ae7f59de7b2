import { nordostCalendar, nordvastCalendar } from '../calendar/presets.ts';
import type { CategoryConfig, DecisionTypeConfig, OrganisationPreset } from './types.ts';

/** Categories of both presets, in report order (import-cases contract). */
export const defaultCategories: CategoryConfig[] = [
  { code: 'barn_unga', name: 'Barn och ungdom', isPrioritised: true },
  { code: 'boende', name: 'Boende', isPrioritised: false },
  { code: 'vald_nara_relation', name: 'Våld i nära relation', isPrioritised: false },
  { code: 'aldre', name: 'Äldre', isPrioritised: false },
  { code: 'vuxna_missbruk_psyk', name: 'Vuxna missbruk/psyk', isPrioritised: false },
  { code: 'funktionsnedsattning', name: 'Funktionsnedsättning', isPrioritised: false },
  { code: 'ekonomiskt_bistand', name: 'Ekonomiskt bistånd', isPrioritised: false },
  { code: 'upplysning', name: 'Upplysning och rådgivning', isPrioritised: false },
  { code: 'ovrigt', name: 'Övrigt', isPrioritised: false },
];

/**
 * Decision types of both presets with their legal bases and validity dates.
 * The Socialtjänstlag 2001:453 was replaced by SFS 2025:400 on 1 July 2025;
 * the new paragraph references are marked [verify] in LEGAL.md and are data the
 * unit manager can correct on the configuration page.
 */
export const defaultDecisionTypes: DecisionTypeConfig[] = [
  {
    code: 'LVU43',
    name: 'Handräckning 43 § LVU',
    decidedBy: 'delegation',
    subjectMaxAgeExclusive: 20,
    isGrantable: false,
    legalBases: [{ reference: '43 § lagen (1990:52) med särskilda bestämmelser om vård av unga', validFrom: '1990-07-01', validTo: null }],
  },
  {
    code: 'LVU6',
    name: 'Omedelbart omhändertagande 6 § LVU',
    decidedBy: 'politician',
    subjectMaxAgeExclusive: 20,
    isGrantable: false,
    legalBases: [{ reference: '6 § lagen (1990:52) med särskilda bestämmelser om vård av unga', validFrom: '1990-07-01', validTo: null }],
  },
  {
    code: 'LVM13',
    name: 'Omedelbart omhändertagande 13 § LVM',
    decidedBy: 'politician',
    subjectMaxAgeExclusive: null,
    isGrantable: false,
    legalBases: [{ reference: '13 § lagen (1988:870) om vård av missbrukare i vissa fall', validFrom: '1989-01-01', validTo: null }],
  },
  {
    code: 'SKYDDAT_BOENDE',
    name: 'Placering av barn i skyddat boende',
    decidedBy: 'delegation',
    subjectMaxAgeExclusive: 18,
    isGrantable: false,
    legalBases: [{ reference: 'Lag (2024:79) om placering av barn i skyddat boende', validFrom: '2024-07-01', validTo: null }],
  },
  {
    code: 'SOL_PLACERING',
    name: 'Placering med stöd av socialtjänstlagen',
    decidedBy: 'delegation',
    subjectMaxAgeExclusive: null,
    isGrantable: false,
    legalBases: [
      { reference: '4 kap. 1 § socialtjänstlagen (2001:453)', validFrom: '2002-01-01', validTo: '2025-06-30' },
      { reference: 'Socialtjänstlagen (2025:400) [verifiera paragraf]', validFrom: '2025-07-01', validTo: null },
    ],
  },
  {
    code: 'EKONOMISKT_BISTAND',
    name: 'Akut ekonomiskt bistånd',
    decidedBy: 'delegation',
    subjectMaxAgeExclusive: null,
    isGrantable: true,
    legalBases: [
      { reference: '4 kap. 1 § socialtjänstlagen (2001:453)', validFrom: '2002-01-01', validTo: '2025-06-30' },
      { reference: 'Socialtjänstlagen (2025:400) [verifiera paragraf]', validFrom: '2025-07-01', validTo: null },
    ],
  },
];

export const nordostPreset: OrganisationPreset = {
  key: 'nordost',
  name: 'Socialjouren Nordost',
  shortName: 'Nordost',
  timeZone: 'Europe/Stockholm',
  phone: '08-410 200 40',
  municipalities: [
    { code: '0115', name: 'Vallentuna', isHost: true },
    { code: '0117', name: 'Österåker', isHost: false },
    { code: '0187', name: 'Vaxholm', isHost: false },
    { code: '0186', name: 'Lidingö', isHost: false },
    { code: '0188', name: 'Norrtälje', isHost: false },
    { code: '0162', name: 'Danderyd', isHost: false },
    { code: '0160', name: 'Täby', isHost: false },
  ],
  categories: defaultCategories,
  decisionTypes: defaultDecisionTypes,
  calendar: nordostCalendar,
  staffPerShift: 2,
};

export const nordvastPreset: OrganisationPreset = {
  key: 'nordvast',
  name: 'Socialjouren Nordväst',
  shortName: 'Nordväst',
  timeZone: 'Europe/Stockholm',
  phone: '08-000 000 00',
  municipalities: [
    { code: '0125', name: 'Ekerö', isHost: false },
    { code: '0123', name: 'Järfälla', isHost: false },
    { code: '0191', name: 'Sigtuna', isHost: true },
    { code: '0163', name: 'Sollentuna', isHost: false },
    { code: '0184', name: 'Solna', isHost: false },
    { code: '0183', name: 'Sundbyberg', isHost: false },
    { code: '0139', name: 'Upplands-Bro', isHost: false },
    { code: '0114', name: 'Upplands Väsby', isHost: false },
  ],
  categories: defaultCategories,
  decisionTypes: defaultDecisionTypes,
  calendar: nordvastCalendar,
  staffPerShift: 3,
};

export const presets = { nordost: nordostPreset, nordvast: nordvastPreset } as const;
export type PresetKey = keyof typeof presets;

export function isPresetKey(value: string): value is PresetKey {
  return Object.hasOwn(presets, value);
}

/** The legal basis of a decision type in force on a local date (YYYY-MM-DD), or null. */
export function legalBasisOn(type: DecisionTypeConfig, date: string) {
  return type.legalBases.find((b) => b.validFrom <= date && (b.validTo === null || date <= b.validTo)) ?? null;
}

/** A kommunkod is four digits; the first two are the county (01–25). */
export function isValidKommunkod(code: string): boolean {
  if (!/^\d{4}$/.test(code)) return false;
  const county = Number(code.slice(0, 2));
  return county >= 1 && county <= 25;
}

/** Sort names the way Swedish readers expect (å, ä, ö last). */
export const swedishCollator = new Intl.Collator('sv');
