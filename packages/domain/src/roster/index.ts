// Public API of staffing: shifts from the calendar, rest rules, the roster checker and the MIP model.
export * from './types.ts';
export { hasUntilMidnightOption, openShiftBeforeStandby, rosterShifts, shiftKey, shiftOf } from './shifts.ts';
export { checkRest, dailyPeriod, formatHours, longestRestWithin, weeklyPeriod, weekPeriodStartDate, type RestCheckInput, type WorkInterval } from './rest.ts';
export { checkRoster, proposeSubstitutes, rosterGaps, shiftCache, workByStaff, type Gap, type GapReason, type RosterCheckInput, type RosterPerson, type SubstituteCandidate, type SubstituteProposal } from './check.ts';
export { checkCapacity, demandHours, hoursTargets, type HoursTarget, type RosterProblem, type RosterProblemReport } from './capacity.ts';
export { greedyRoster, type GreedyRoster } from './greedy.ts';
export { buildRosterModel, decodeRosterSolution, restWindows, ROSTER_WEIGHTS, type RosterModel, type RosterSolution } from './model.ts';
export { nordostStaff, nordvastStaff, scaledStaff } from './presets.ts';
