/**
 * The cost allocation between the members (contracts/cost-allocation.md):
 * half by population, half by staff time on each member's cases, each half
 * apportioned in whole öre by the largest-remainder method. All arithmetic is
 * on integers (BigInt where products can exceed 2^53), so the parts always
 * sum exactly to the amount.
 */

export interface AllocationMember {
  code: string;
  name: string;
  population: number;
  minutes: number;
  /** direct costs to invoice with this period, in öre */
  directCostsOre: number;
}

export interface AllocationInput {
  amountOre: number;
  /** members in the order of the report contract (by name, Swedish order) */
  members: readonly AllocationMember[];
}

export interface AllocatedMember extends AllocationMember {
  populationShare: number;
  timeShare: number;
  populationPartOre: number;
  timePartOre: number;
  totalOre: number;
  invoiceTotalOre: number;
}

export interface Allocation {
  amountOre: number;
  populationHalfOre: number;
  timeHalfOre: number;
  /** true when no member had any minutes, so the time half went by population too */
  timeByPopulation: boolean;
  members: AllocatedMember[];
  totals: { population: number; minutes: number; populationPartOre: number; timePartOre: number; totalOre: number; directCostsOre: number; invoiceTotalOre: number };
}

export class AllocationError extends Error {}

/**
 * Split `total` öre in proportion to `weights` by the largest-remainder
 * method: everyone gets the floor of the exact share, the öre left over go one
 * each to the largest remainders, ties to the lower code. `weights` must be
 * non-negative integers with a positive sum.
 */
export function apportion(total: number, weights: readonly { code: string; weight: number }[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new AllocationError(`amount must be a non-negative whole number of öre, got ${total}`);
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w.weight) || w.weight < 0) throw new AllocationError(`weight of ${w.code} must be a non-negative whole number, got ${w.weight}`);
    sum += BigInt(w.weight);
  }
  if (sum === 0n) throw new AllocationError('the weights sum to zero');
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w.weight)) / sum);
  const remainders = weights.map((w) => (t * BigInt(w.weight)) % sum);
  let left = t - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => i)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const ca = weights[a]!.code;
      const cb = weights[b]!.code;
      return ca < cb ? -1 : ca > cb ? 1 : 0;
    });
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** The contract's allocation: P = ceil(A/2) by population, T = A − P by minutes (by population when nobody has minutes). */
export function allocateCosts(input: AllocationInput): Allocation {
  const { amountOre, members } = input;
  if (members.length === 0) throw new AllocationError('the organisation has no members');
  if (!Number.isSafeInteger(amountOre) || amountOre < 0) throw new AllocationError(`amount must be a non-negative whole number of öre, got ${amountOre}`);
  for (const m of members) {
    if (!Number.isSafeInteger(m.population) || m.population <= 0) throw new AllocationError(`population of ${m.code} ${m.name} must be a positive whole number`);
    if (!Number.isSafeInteger(m.minutes) || m.minutes < 0) throw new AllocationError(`minutes of ${m.code} ${m.name} must be a non-negative whole number`);
    if (!Number.isSafeInteger(m.directCostsOre) || m.directCostsOre < 0) throw new AllocationError(`direct costs of ${m.code} ${m.name} must be a non-negative whole number of öre`);
  }
  const populationHalfOre = amountOre - Math.floor(amountOre / 2);
  const timeHalfOre = amountOre - populationHalfOre;
  const totalPopulation = members.reduce((a, m) => a + m.population, 0);
  const totalMinutes = members.reduce((a, m) => a + m.minutes, 0);
  const timeByPopulation = totalMinutes === 0;
  const populationParts = apportion(populationHalfOre, members.map((m) => ({ code: m.code, weight: m.population })));
  const timeParts = apportion(timeHalfOre, members.map((m) => ({ code: m.code, weight: timeByPopulation ? m.population : m.minutes })));
  const allocated = members.map((m, i): AllocatedMember => {
    const populationPartOre = populationParts[i]!;
    const timePartOre = timeParts[i]!;
    const totalOre = populationPartOre + timePartOre;
    const populationShare = m.population / totalPopulation;
    return {
      ...m,
      populationShare,
      timeShare: timeByPopulation ? populationShare : m.minutes / totalMinutes,
      populationPartOre,
      timePartOre,
      totalOre,
      invoiceTotalOre: totalOre + m.directCostsOre,
    };
  });
  const sum = (f: (m: AllocatedMember) => number) => allocated.reduce((a, m) => a + f(m), 0);
  return {
    amountOre,
    populationHalfOre,
    timeHalfOre,
    timeByPopulation,
    members: allocated,
    totals: {
      population: totalPopulation,
      minutes: totalMinutes,
      populationPartOre: sum((m) => m.populationPartOre),
      timePartOre: sum((m) => m.timePartOre),
      totalOre: sum((m) => m.totalOre),
      directCostsOre: sum((m) => m.directCostsOre),
      invoiceTotalOre: sum((m) => m.invoiceTotalOre),
    },
  };
}
