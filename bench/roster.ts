// bench/roster: generate a 12-week rotation with the HiGHS MIP solver for Nordväst (9 social
// workers, 3 per shift), Nordost (5 social workers, 2 per shift) and a jour three times
// Nordväst's size (27 social workers, 9 per shift), and print model size, solve time, the
// objective, unmet requirements and the rule check of the result.
// Run: npx tsx bench/roster.ts [--limit SECONDS] [--gap REL]
import { parseArgs } from 'node:util';
import { checkRoster, defaultRosterRules, nordostCalendar, nordostStaff, nordvastCalendar, nordvastStaff, scaledStaff, type RosterProblem } from '@jourbok/domain';
import { solveRoster } from '../packages/server/src/features/roster/solver.ts';

const { values } = parseArgs({ options: { limit: { type: 'string', default: '30' }, gap: { type: 'string', default: '0.02' }, only: { type: 'string' } } });
const options = { timeLimitSeconds: Number(values.limit), mipGap: Number(values.gap) };
const from = '2026-03-02'; // twelve weeks over the spring DST night and Easter

const cases: [string, RosterProblem][] = [
  ['Nordväst (9 staff, 6.75 FTE, 3 per shift)', { calendar: nordvastCalendar, rules: defaultRosterRules, from, weeks: 12, requiredPerShift: 3, staff: nordvastStaff, requests: [] }],
  ['Nordost (5 staff, 4.0 FTE, 2 per shift)', { calendar: nordostCalendar, rules: defaultRosterRules, from, weeks: 12, requiredPerShift: 2, staff: nordostStaff, requests: [] }],
  // Three times the staff may also fill three extra places per shift (one per original unit).
  ['3 × Nordväst (27 staff, 20.25 FTE, 9 per shift)', { calendar: nordvastCalendar, rules: { ...defaultRosterRules, maxExtraPerShift: 3 }, from, weeks: 12, requiredPerShift: 9, staff: scaledStaff(nordvastStaff, 3), requests: [] }],
];

console.log(`time limit ${options.timeLimitSeconds} s, relative gap ${options.mipGap}`);
console.log('unit | binaries | rows | status | seconds | objective | unmet requirements | broken rules');
for (const [name, problem] of cases.filter(([n]) => !values.only || n.toLowerCase().includes(values.only.toLowerCase()))) {
  const solved = await solveRoster(problem, options);
  const broken = checkRoster({ calendar: problem.calendar, rules: problem.rules, from, days: problem.weeks * 7, requiredPerShift: problem.requiredPerShift, staff: problem.staff, assignments: solved.assignments, requests: [], callOuts: [] });
  console.log(
    [name, solved.size.binaries, solved.size.rows, solved.status, solved.seconds.toFixed(1), solved.objective === null ? '–' : solved.objective.toFixed(1), solved.problems.length, broken.length].join(' | '),
  );
  for (const p of solved.problems.slice(0, 3)) console.log(`  ${p.message}`);
  for (const v of broken.slice(0, 3)) console.log(`  ${v.message}`);
}
