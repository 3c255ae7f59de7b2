/**
 * Deviations (avvikelser) and complaints (klagomål): the states they pass
 * through and who may move them. A report is registered, assigned, analysed
 * (what happened, why, and the action, e.g. a new routine) and closed. One
 * flagged as a possible lex Sarah matter (a missförhållande or a risk of one,
 * SoL 14 kap.) cannot be closed until the unit manager has assessed it.
 */
export const QUALITY_REPORT_KINDS = ['deviation', 'complaint'] as const;
export type QualityReportKind = (typeof QUALITY_REPORT_KINDS)[number];

export const DEVIATION_CATEGORIES = ['handling', 'technical', 'collaboration', 'placement', 'other'] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];

export const DEVIATION_CATEGORY_LABELS: Record<DeviationCategory, string> = {
  handling: 'Handläggning',
  technical: 'Teknik',
  collaboration: 'Samverkan',
  placement: 'Brist på placering (t.ex. ingen SiS-plats)',
  other: 'Övrigt',
};

export const QUALITY_REPORT_KIND_LABELS: Record<QualityReportKind, string> = { deviation: 'Avvikelse', complaint: 'Klagomål' };

export const DEVIATION_STATUSES = ['registered', 'assigned', 'analysed', 'closed'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export const DEVIATION_ACTION_KINDS = ['new_routine', 'routine_reminder', 'training', 'other', 'none'] as const;
export type DeviationActionKind = (typeof DEVIATION_ACTION_KINDS)[number];

export const LEX_SARAH_ASSESSMENTS = ['not_lex_sarah', 'investigation', 'reported_to_ivo'] as const;
export type LexSarahAssessment = (typeof LEX_SARAH_ASSESSMENTS)[number];

export type DeviationCommand = 'assign' | 'analyse' | 'assess_lex_sarah' | 'close' | 'reopen';

export interface DeviationFacts {
  status: DeviationStatus;
  assignedTo: string | null;
  analysis: string | null;
  action: string | null;
  possibleLexSarah: boolean;
  lexSarahAssessment: LexSarahAssessment | null;
}

/** Who is acting on a deviation: a manager (deviations.manage) or another member of staff. */
export interface DeviationActor {
  userId: string;
  isManager: boolean;
}

/** `not_allowed`: not this actor's to do; `not_ready`: not in this state. */
export type DeviationRefusal = { reason: 'not_allowed' | 'not_ready'; field?: string; message: string };

/**
 * Whether `command` may be applied; null when allowed, else why not (Swedish).
 * - assign, assess_lex_sarah, close, reopen: the manager only;
 * - analyse: the manager or the one assigned; not before it is assigned;
 * - close: analysis and action recorded, and a lex Sarah flag assessed;
 * - nothing but reopen on a closed report.
 */
export function checkDeviationCommand(facts: DeviationFacts, command: DeviationCommand, actor: DeviationActor): DeviationRefusal | null {
  const managerOnly = command !== 'analyse';
  if (managerOnly && !actor.isManager) return { reason: 'not_allowed', message: 'Bara enhetschefen kan göra det här.' };
  if (facts.status === 'closed') return command === 'reopen' ? null : { reason: 'not_ready', message: 'Ärendet är avslutat. Öppna det igen för att ändra.' };
  switch (command) {
    case 'reopen':
      return { reason: 'not_ready', message: 'Bara ett avslutat ärende kan öppnas igen.' };
    case 'assign':
    case 'assess_lex_sarah':
      return null;
    case 'analyse':
      if (!facts.assignedTo) return { reason: 'not_ready', message: 'Utse en ansvarig innan analysen dokumenteras.' };
      if (!actor.isManager && facts.assignedTo !== actor.userId) return { reason: 'not_allowed', message: 'Bara den ansvariga eller enhetschefen kan dokumentera analysen.' };
      return null;
    case 'close':
      if (!facts.analysis?.trim()) return { reason: 'not_ready', field: 'analysis', message: 'Dokumentera analysen innan ärendet avslutas.' };
      if (!facts.action?.trim()) return { reason: 'not_ready', field: 'action', message: 'Dokumentera åtgärden (t.ex. en ny rutin) innan ärendet avslutas.' };
      if (facts.possibleLexSarah && !facts.lexSarahAssessment) return { reason: 'not_ready', field: 'lexSarah', message: 'Bedöm först om det är ett lex Sarah-ärende.' };
      return null;
  }
}

/** The status after `command` (which `checkDeviationCommand` allowed). */
export function nextDeviationStatus(status: DeviationStatus, command: DeviationCommand): DeviationStatus {
  switch (command) {
    case 'assign':
      return status === 'registered' ? 'assigned' : status;
    case 'analyse':
      return 'analysed';
    case 'assess_lex_sarah':
      return status;
    case 'close':
      return 'closed';
    case 'reopen':
      return 'analysed';
  }
}

/** A flag the unit manager must act on: possible lex Sarah, not yet assessed, not closed. */
export function needsLexSarahAssessment(facts: Pick<DeviationFacts, 'possibleLexSarah' | 'lexSarahAssessment' | 'status'>): boolean {
  return facts.possibleLexSarah && facts.lexSarahAssessment === null && facts.status !== 'closed';
}

/** Counts per year and kind/category for the annual report, with every category present. */
export interface QualityCounts {
  year: number;
  deviations: { total: number; byCategory: Record<DeviationCategory, number> };
  complaints: { total: number; byCategory: Record<DeviationCategory, number> };
  possibleLexSarah: number;
  reportedToIvo: number;
  closed: number;
}

export function countQualityReports(year: number, rows: { kind: QualityReportKind; category: DeviationCategory; possibleLexSarah: boolean; lexSarahAssessment: LexSarahAssessment | null; status: DeviationStatus }[]): QualityCounts {
  const empty = () => Object.fromEntries(DEVIATION_CATEGORIES.map((c) => [c, 0])) as Record<DeviationCategory, number>;
  const counts: QualityCounts = { year, deviations: { total: 0, byCategory: empty() }, complaints: { total: 0, byCategory: empty() }, possibleLexSarah: 0, reportedToIvo: 0, closed: 0 };
  for (const r of rows) {
    const bucket = r.kind === 'deviation' ? counts.deviations : counts.complaints;
    bucket.total++;
    bucket.byCategory[r.category]++;
    if (r.possibleLexSarah) counts.possibleLexSarah++;
    if (r.lexSarahAssessment === 'reported_to_ivo') counts.reportedToIvo++;
    if (r.status === 'closed') counts.closed++;
  }
  return counts;
}
