import { addDays, daysBetween, localDateOf, parseReceivedAt, reportPeriod, type ImportedCase, type ImportSource, type Tertial } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx } from '../app/context.ts';
import { insertImportedCases } from '../features/imports/repository.ts';

/**
 * The demo organisation's history, as if imported from its old system: about
 * 2 400 cases a year from January 2022 until the month of current cases the
 * demo generates (demo-cases.ts). Tertial 1 of 2022, 2023 and 2024 reproduce
 * Nordost's own report (seeds/001) exactly: cases per member and per category,
 * youth crime, the 2024 decisions, 40 % of shelter requests granted and 22 %
 * closed at the jour. The seed's headline says 787 and 778 cases in T1 2022
 * and 2023, but its rows per member add up to 797 and 777 (and its
 * percentages fit 797): the rows are kept, so the totals are 797, 777 and 812.
 * Deterministic: a fixed seed per tertial.
 */

const TIME_ZONE = 'Europe/Stockholm';

interface ExactTertial {
  municipalities: Record<string, number>;
  categories: Record<string, number>;
  youthCrime: number;
  shelterRequested: number;
  shelterGranted: number;
  closedAtJour: number;
  decisions: Record<string, number>;
}

/** Nordost, T1 (Jan 1 – Apr 30), from the tertial report 2024. 'other' is Annan kommun. */
const exactT1: Record<number, ExactTertial> = {
  2022: {
    municipalities: { '0162': 70, '0186': 114, '0188': 193, '0160': 144, '0115': 72, '0187': 11, '0117': 149, other: 44 },
    categories: { barn_unga: 412, boende: 116, vald_nara_relation: 70, aldre: 43, vuxna_missbruk_psyk: 113, funktionsnedsattning: 6, ekonomiskt_bistand: 17, upplysning: 12, ovrigt: 8 },
    youthCrime: 13,
    shelterRequested: 115,
    shelterGranted: 48,
    closedAtJour: 205,
    decisions: { LVU43: 11, LVU6: 5, LVM13: 1, SOL_PLACERING: 7, EKONOMISKT_BISTAND: 10 },
  },
  2023: {
    municipalities: { '0162': 52, '0186': 98, '0188': 204, '0160': 145, '0115': 103, '0187': 14, '0117': 119, other: 42 },
    categories: { barn_unga: 406, boende: 122, vald_nara_relation: 38, aldre: 54, vuxna_missbruk_psyk: 117, funktionsnedsattning: 5, ekonomiskt_bistand: 15, upplysning: 12, ovrigt: 8 },
    youthCrime: 24,
    shelterRequested: 120,
    shelterGranted: 54,
    closedAtJour: 187,
    decisions: { LVU43: 14, LVU6: 3, LVM13: 2, SOL_PLACERING: 6, EKONOMISKT_BISTAND: 11 },
  },
  2024: {
    municipalities: { '0162': 53, '0186': 125, '0188': 247, '0160': 142, '0115': 92, '0187': 17, '0117': 96, other: 40 },
    categories: { barn_unga: 427, boende: 138, vald_nara_relation: 68, aldre: 52, vuxna_missbruk_psyk: 95, funktionsnedsattning: 4, ekonomiskt_bistand: 12, upplysning: 10, ovrigt: 6 },
    youthCrime: 47,
    // 54 of 135 = exactly 40 %
    shelterRequested: 135,
    shelterGranted: 54,
    // 179 of 812 = 22.04 %
    closedAtJour: 179,
    decisions: { LVU43: 19, LVU6: 4, LVM13: 1, SKYDDAT_BOENDE: 1, SOL_PLACERING: 8, EKONOMISKT_BISTAND: 9 },
  },
};

/** Cases in the other tertials (a little over 2 400 a year, growing). */
const tertialSize: Record<number, [number, number, number]> = {
  2022: [797, 781, 806],
  2023: [777, 799, 824],
  2024: [812, 838, 797],
  2025: [845, 817, 866],
  2026: [871, 842, 880],
};

/** Non-members whose residents turn up at the jour. */
const otherMunicipalities = ['0184', '0180', '0163', '0191', '0181', '0183', '0380', '0123'];

/** Which categories a decision type is taken in. */
const decisionCategories: Record<string, string[]> = {
  LVU43: ['barn_unga'],
  LVU6: ['barn_unga'],
  LVM13: ['vuxna_missbruk_psyk'],
  SKYDDAT_BOENDE: ['vald_nara_relation'],
  SOL_PLACERING: ['barn_unga', 'vald_nara_relation'],
  EKONOMISKT_BISTAND: ['ekonomiskt_bistand', 'boende'],
};

const sources: [ImportSource, number][] = [
  ['polis', 38],
  ['sos_112', 14],
  ['enskild', 22],
  ['sjukvard', 8],
  ['ambulans', 5],
  ['kommun', 8],
  ['annan_jour', 3],
  ['ovrig', 2],
];

/** mulberry32: a small, fast, seeded generator. */
function random(seed: number) {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: readonly (readonly [T, number])[]) => {
      let r = next() * items.reduce((s, [, w]) => s + w, 0);
      for (const [item, w] of items) if ((r -= w) <= 0) return item;
      return items[items.length - 1]![0];
    },
    /** the items in a random order */
    shuffle: <T>(items: T[]) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}
type Random = ReturnType<typeof random>;

const expand = (counts: Record<string, number>) => Object.entries(counts).flatMap(([key, n]) => Array<string>(n).fill(key));

/** A case's time: a day of the period, mostly in the evening and night (the jour's open hours). */
function receivedAt(rng: Random, from: string, days: number): { date: string; instant: string } {
  const date = new Date(Date.parse(`${from}T00:00:00Z`) + rng.int(0, days - 1) * 86_400_000).toISOString().slice(0, 10);
  const hour = rng.next() < 0.85 ? rng.pick([15, 16, 17, 18, 19, 20, 21, 22, 23, 23, 0, 1]) : rng.int(2, 14);
  const time = `${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  // The same reading of Swedish wall-clock time as a history file's.
  return { date, instant: new Date(parseReceivedAt(`${date} ${time}`, TIME_ZONE)!).toISOString() };
}

interface Draft {
  municipality: string;
  category: string;
  youthCrime: boolean;
  shelterRequested: boolean;
  shelterGranted: boolean;
  closedAtJour: boolean;
  decisions: Record<string, number>;
}

/** The drafts of a tertial whose marginals are given exactly. */
function exactDrafts(rng: Random, spec: ExactTertial): Draft[] {
  const municipalities = rng.shuffle(expand(spec.municipalities));
  const categories = rng.shuffle(expand(spec.categories));
  if (municipalities.length !== categories.length) throw new Error('demo history: municipalities and categories do not add up');
  const drafts: Draft[] = municipalities.map((municipality, i) => ({
    municipality,
    category: categories[i]!,
    youthCrime: false,
    shelterRequested: false,
    shelterGranted: false,
    closedAtJour: false,
    decisions: {},
  }));
  const some = (filter: (d: Draft) => boolean, n: number) => rng.shuffle(drafts.filter(filter)).slice(0, n);
  for (const d of some((d) => d.category === 'barn_unga', spec.youthCrime)) d.youthCrime = true;
  const requested = some((d) => d.category === 'boende', spec.shelterRequested);
  for (const d of requested) d.shelterRequested = true;
  for (const d of rng.shuffle(requested).slice(0, spec.shelterGranted)) d.shelterGranted = true;
  for (const d of some(() => true, spec.closedAtJour)) d.closedAtJour = true;
  for (const [code, n] of Object.entries(spec.decisions)) {
    const eligible = decisionCategories[code] ?? [];
    for (let i = 0; i < n; i++) {
      const d = rng.pick(drafts.filter((x) => eligible.includes(x.category)));
      d.decisions[code] = (d.decisions[code] ?? 0) + 1;
    }
  }
  return drafts;
}

const municipalityWeights: [string, number][] = [
  ['0162', 55],
  ['0186', 118],
  ['0188', 235],
  ['0160', 142],
  ['0115', 95],
  ['0187', 15],
  ['0117', 110],
  ['other', 42],
];
const categoryWeights: [string, number][] = [
  ['barn_unga', 420],
  ['boende', 130],
  ['vald_nara_relation', 62],
  ['aldre', 50],
  ['vuxna_missbruk_psyk', 105],
  ['funktionsnedsattning', 5],
  ['ekonomiskt_bistand', 15],
  ['upplysning', 11],
  ['ovrigt', 7],
];
/** Expected decisions per case of a category, per decision type. */
const decisionRates: [string, string, number][] = [
  ['LVU43', 'barn_unga', 0.04],
  ['LVU6', 'barn_unga', 0.01],
  ['LVM13', 'vuxna_missbruk_psyk', 0.015],
  ['SKYDDAT_BOENDE', 'vald_nara_relation', 0.02],
  ['SOL_PLACERING', 'barn_unga', 0.015],
  ['EKONOMISKT_BISTAND', 'ekonomiskt_bistand', 0.6],
];

/** The drafts of an ordinary tertial: drawn from Nordost's proportions. */
function drawnDrafts(rng: Random, n: number, year: number, tertial: Tertial): Draft[] {
  const youthRate = Math.min(0.13, 0.03 + (year - 2022) * 0.03);
  return Array.from({ length: n }, () => {
    const category = rng.weighted(categoryWeights);
    const shelterRequested = category === 'boende' && rng.next() < 0.95;
    const decisions: Record<string, number> = {};
    for (const [code, c, rate] of decisionRates) {
      // Placement of children in protected housing exists from 2024 (lag 2024:79).
      if (code === 'SKYDDAT_BOENDE' && (year < 2024 || (year === 2024 && tertial === 1))) continue;
      if (category === c && rng.next() < rate) decisions[code] = (decisions[code] ?? 0) + 1;
    }
    return {
      municipality: rng.weighted(municipalityWeights),
      category,
      youthCrime: category === 'barn_unga' && rng.next() < youthRate,
      shelterRequested,
      shelterGranted: shelterRequested && rng.next() < 0.42,
      closedAtJour: rng.next() < 0.23,
      decisions,
    };
  });
}

/** Insert the demo history for every day before `until` (a local date). Returns the number of cases. */
export async function seedDemoHistory(ctx: Ctx, organisationId: string, until: string): Promise<number> {
  const cases: ImportedCase[] = [];
  for (const [yearText, sizes] of Object.entries(tertialSize)) {
    const year = Number(yearText);
    let serial = 0;
    for (const tertial of [1, 2, 3] as const) {
      const { from, to } = reportPeriod('tertial', year, tertial);
      const rng = random(year * 10 + tertial);
      const exact = tertial === 1 ? exactT1[year] : undefined;
      const drafts = exact ? exactDrafts(rng, exact) : drawnDrafts(rng, sizes[tertial - 1]!, year, tertial);
      const days = daysBetween(from, to) + 1;
      const dated = drafts.map((draft) => ({ draft, ...receivedAt(rng, from, days) })).sort((a, b) => (a.instant < b.instant ? -1 : a.instant > b.instant ? 1 : 0));
      for (const { draft, date, instant } of dated) {
        serial++;
        if (date >= until) continue;
        const municipality = draft.municipality === 'other' ? rng.pick(otherMunicipalities) : draft.municipality;
        const decisionMinutes = Object.values(draft.decisions).reduce((s, n) => s + n, 0) * 90;
        cases.push({
          externalId: `NO-${year}-${String(serial).padStart(5, '0')}`,
          receivedAt: instant,
          municipalityCode: municipality,
          isMember: draft.municipality !== 'other',
          categoryCode: draft.category,
          youthCrime: draft.youthCrime,
          source: rng.weighted(sources),
          minutes: rng.int(10, draft.closedAtJour ? 90 : 240) + decisionMinutes,
          closedAtJour: draft.closedAtJour,
          shelterRequested: draft.shelterRequested,
          shelterGranted: draft.shelterGranted,
          decisions: draft.decisions,
        });
      }
    }
  }
  for (let i = 0; i < cases.length; i += 2500) await insertImportedCases(ctx.trx, organisationId, ctx.now, cases.slice(i, i + 2500));
  return cases.length;
}

/** The first day the demo's month of current cases may reach (with a day's margin): history stops before it. */
export function historyEndsBefore(now: Date): string {
  return addDays(localDateOf(now.toISOString(), TIME_ZONE), -32);
}

/**
 * The demo organisation protects small numbers in member appendices (counts
 * below 5 read "< 5"), so a kommun user sees the protection at work.
 */
export async function seedDemoStatisticsSettings(ctx: Ctx, organisationId: string): Promise<void> {
  await ctx.trx
    .updateTable('organisation')
    .set({ settings: sql`jsonb_set(coalesce(settings, '{}'::jsonb), '{statistics}', '{"suppressBelow": 5}'::jsonb)` })
    .where('id', '=', organisationId)
    .execute();
}
