import { describe, expect, it } from 'vitest';
import { checkDeviationCommand, countQualityReports, needsLexSarahAssessment, nextDeviationStatus, type DeviationCommand, type DeviationFacts } from './deviations.ts';

const manager = { userId: 'chef', isManager: true };
const worker = { userId: 'anna', isManager: false };
const other = { userId: 'bo', isManager: false };
const registered: DeviationFacts = { status: 'registered', assignedTo: null, analysis: null, action: null, possibleLexSarah: false, lexSarahAssessment: null };
const assigned: DeviationFacts = { ...registered, status: 'assigned', assignedTo: 'anna' };
const analysed: DeviationFacts = { ...assigned, status: 'analysed', analysis: 'Rutinen saknades.', action: 'Ny rutin för uppdrag över helg.' };
const flagged: DeviationFacts = { ...analysed, possibleLexSarah: true };
const closed: DeviationFacts = { ...analysed, status: 'closed' };

describe('checkDeviationCommand and nextDeviationStatus', () => {
  it.each<[string, DeviationFacts, DeviationCommand, typeof manager, string | null, string | null]>([
    ['the manager assigns a new report', registered, 'assign', manager, null, 'assigned'],
    ['staff cannot assign', registered, 'assign', worker, 'Bara enhetschefen', null],
    ['no analysis before someone is assigned', registered, 'analyse', manager, 'Utse en ansvarig', null],
    ['the assignee records the analysis', assigned, 'analyse', worker, null, 'analysed'],
    ['someone else on staff cannot', assigned, 'analyse', other, 'Bara den ansvariga', null],
    ['the manager may analyse what another is assigned', assigned, 'analyse', manager, null, 'analysed'],
    ['reassigning keeps an analysed report analysed', analysed, 'assign', manager, null, 'analysed'],
    ['not closed without analysis', assigned, 'close', manager, 'Dokumentera analysen', null],
    ['not closed without an action', { ...analysed, action: '  ' }, 'close', manager, 'Dokumentera åtgärden', null],
    ['closed when analysed with an action', analysed, 'close', manager, null, 'closed'],
    ['a lex Sarah flag blocks closing until assessed', flagged, 'close', manager, 'lex Sarah', null],
    ['assessed lex Sarah closes', { ...flagged, lexSarahAssessment: 'not_lex_sarah' }, 'close', manager, null, 'closed'],
    ['staff cannot close', analysed, 'close', worker, 'Bara enhetschefen', null],
    ['nothing changes a closed report', closed, 'analyse', manager, 'avslutat', null],
    ['a closed report can be reopened', closed, 'reopen', manager, null, 'analysed'],
    ['an open report cannot be reopened', analysed, 'reopen', manager, 'Bara ett avslutat', null],
  ])('%s', (_name, facts, command, actor, refusal, next) => {
    const result = checkDeviationCommand(facts, command, actor);
    if (refusal === null) {
      expect(result).toBeNull();
      expect(nextDeviationStatus(facts.status, command)).toBe(next);
    } else expect(result?.message).toContain(refusal);
  });
});

describe('needsLexSarahAssessment', () => {
  it.each<[string, DeviationFacts, boolean]>([
    ['not flagged', analysed, false],
    ['flagged, not assessed', flagged, true],
    ['flagged and assessed', { ...flagged, lexSarahAssessment: 'reported_to_ivo' }, false],
    ['flagged but closed', { ...flagged, status: 'closed' }, false],
  ])('%s', (_name, facts, expected) => expect(needsLexSarahAssessment(facts)).toBe(expected));
});

describe('countQualityReports', () => {
  it('counts per kind and category, with every category present', () => {
    const counts = countQualityReports(2026, [
      { kind: 'deviation', category: 'handling', possibleLexSarah: true, lexSarahAssessment: 'reported_to_ivo', status: 'closed' },
      { kind: 'deviation', category: 'technical', possibleLexSarah: false, lexSarahAssessment: null, status: 'registered' },
      { kind: 'deviation', category: 'technical', possibleLexSarah: false, lexSarahAssessment: null, status: 'closed' },
      { kind: 'complaint', category: 'collaboration', possibleLexSarah: false, lexSarahAssessment: null, status: 'analysed' },
    ]);
    expect(counts.deviations).toEqual({ total: 3, byCategory: { handling: 1, technical: 2, collaboration: 0, placement: 0, other: 0 } });
    expect(counts.complaints.total).toBe(1);
    expect(counts.complaints.byCategory.collaboration).toBe(1);
    expect(counts).toMatchObject({ year: 2026, possibleLexSarah: 1, reportedToIvo: 1, closed: 2 });
  });
});
