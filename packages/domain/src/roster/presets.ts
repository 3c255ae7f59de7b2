// Staff of the two units as the source documents describe them (names invented).
import type { RosterStaff } from './types.ts';

/** Nordväst: nine social workers on 35–92 %, 6.75 FTE (7.1 with the unit manager's 35 %). */
export const nordvastStaff: readonly RosterStaff[] = [
  { id: 'nv-1', name: 'Anna Berg', employmentRate: 92 },
  { id: 'nv-2', name: 'Erik Lind', employmentRate: 90 },
  { id: 'nv-3', name: 'Maria Holm', employmentRate: 85 },
  { id: 'nv-4', name: 'Sara Ek', employmentRate: 80 },
  { id: 'nv-5', name: 'Lena Sjö', employmentRate: 78 },
  { id: 'nv-6', name: 'Karin Dahl', employmentRate: 75 },
  { id: 'nv-7', name: 'Johan Ström', employmentRate: 70 },
  { id: 'nv-8', name: 'Eva Nord', employmentRate: 70 },
  { id: 'nv-9', name: 'Ida Falk', employmentRate: 35 },
];

/** Nordost: 4.4 FTE including the unit manager (0.4, not on the roster): five social workers on 4.0 FTE. */
export const nordostStaff: readonly RosterStaff[] = [
  { id: 'no-1', name: 'Helena Ahlgren', employmentRate: 100 },
  { id: 'no-2', name: 'Mikael Björk', employmentRate: 100 },
  { id: 'no-3', name: 'Sofia Carlsson', employmentRate: 80 },
  { id: 'no-4', name: 'Peter Dahlberg', employmentRate: 75 },
  { id: 'no-5', name: 'Nadia Eriksson', employmentRate: 45 },
];

/** `factor` copies of a staff list (for benchmarks of a larger jour). */
export function scaledStaff(staff: readonly RosterStaff[], factor: number): RosterStaff[] {
  const out: RosterStaff[] = [];
  for (let copy = 0; copy < factor; copy++) for (const s of staff) out.push({ ...s, id: `${s.id}-${copy + 1}`, name: `${s.name} ${copy + 1}` });
  return out;
}
