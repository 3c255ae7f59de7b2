// Test data shared by the statistics tests: Nordost's T1 table of 2022–2024
// (seed 001), as counted cases. Not shipped: only the tests import it.
import { nordostPreset } from '../organisation/presets.ts';
import type { CaseCount, DecisionCount, ReportOrganisation } from './report.ts';

export const nordost: ReportOrganisation = {
  name: nordostPreset.name,
  members: nordostPreset.municipalities,
  categories: nordostPreset.categories,
  decisionTypes: nordostPreset.decisionTypes,
};

export const seedYears = [2022, 2023, 2024] as const;

/**
 * Cases per municipality in T1 (0184 Solna stands for Annan kommun). The
 * seed's headline says 787 and 778 cases for 2022 and 2023, but its rows add
 * up to 797 and 777; its percentages fit 797 (Norrtälje 193 = 24 %), so the
 * rows are taken as they stand and the totals are their sums.
 */
export const seedMunicipalities: Record<string, [number, number, number]> = {
  '0162': [70, 52, 53],
  '0186': [114, 98, 125],
  '0188': [193, 204, 247],
  '0160': [144, 145, 142],
  '0115': [72, 103, 92],
  '0187': [11, 14, 17],
  '0117': [149, 119, 96],
  '0184': [44, 42, 40],
};

/** Cases per category in T1; `ovrigt` takes the rest so that each year adds up (797, 777, 812). */
export const seedCategories: Record<string, [number, number, number]> = {
  barn_unga: [412, 406, 427],
  boende: [116, 122, 138],
  vald_nara_relation: [70, 38, 68],
  aldre: [43, 54, 52],
  vuxna_missbruk_psyk: [113, 117, 95],
  ovrigt: [43, 40, 32],
};
export const seedYouthCrime: [number, number, number] = [13, 24, 47];
export const seedShelter = { requested: [115, 120, 135], granted: [48, 54, 54] };
export const seedClosed: [number, number, number] = [205, 187, 179];

/**
 * Counted cases that reproduce the seed's marginals: municipalities and
 * categories are paired in order (like zipping two lists), youth crime, shelter
 * and closed-at-jour figures are put on the first groups that can hold them.
 */
export function seedCaseCounts(): CaseCount[] {
  const out: CaseCount[] = [];
  seedYears.forEach((year, yi) => {
    const municipalities = Object.entries(seedMunicipalities).flatMap(([code, n]) => Array<string>(n[yi]!).fill(code));
    const categories = Object.entries(seedCategories).flatMap(([code, n]) => Array<string>(n[yi]!).fill(code));
    let youth = seedYouthCrime[yi]!;
    let requested = seedShelter.requested[yi]!;
    let granted = seedShelter.granted[yi]!;
    let closed = seedClosed[yi]!;
    municipalities.forEach((municipalityCode, i) => {
      const categoryCode = categories[i]!;
      const youthCrime = categoryCode === 'barn_unga' && youth > 0;
      if (youthCrime) youth--;
      const req = categoryCode === 'boende' && requested > 0 ? (requested--, 1) : 0;
      const gr = req === 1 && granted > 0 ? (granted--, 1) : 0;
      const cl = closed > 0 ? (closed--, 1) : 0;
      out.push({ year, municipalityCode, categoryCode, youthCrime, cases: 1, shelterRequested: req, shelterGranted: gr, closedAtJour: cl });
    });
  });
  return out;
}

export const seedDecisions: DecisionCount[] = [
  { year: 2024, municipalityCode: '0188', typeCode: 'LVU43', count: 12 },
  { year: 2024, municipalityCode: '0160', typeCode: 'LVU43', count: 7 },
  { year: 2024, municipalityCode: '0160', typeCode: 'LVU6', count: 4 },
  { year: 2024, municipalityCode: '0117', typeCode: 'LVM13', count: 1 },
  { year: 2024, municipalityCode: '0186', typeCode: 'SKYDDAT_BOENDE', count: 1 },
  { year: 2024, municipalityCode: '0184', typeCode: 'SOL_PLACERING', count: 8 },
  { year: 2023, municipalityCode: '0115', typeCode: 'LVU43', count: 15 },
];
