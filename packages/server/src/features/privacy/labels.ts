/** Swedish labels of the privacy documents (access history, subject access). */
export const auditActionLabels: Record<string, string> = {
  'person.searched': 'Sökträff i personsökning',
  'person.read': 'Läste personuppgifter',
  'person.revealed': 'Visade skyddade uppgifter (med angivet skäl)',
  'person.created': 'Registrerade personen',
  'person.updated': 'Ändrade personuppgifter',
  'case.registered': 'Registrerade ärende',
  'case.read': 'Läste ärende',
  'case.updated': 'Ändrade ärende',
  'case.person_added': 'Kopplade personen till ärende',
  'case.closed': 'Avslutade ärende',
  'journal.written': 'Skrev journalanteckning',
  'decision.recorded': 'Registrerade beslut',
  'decision.withdrawn': 'Återkallade beslut',
  'handover.read': 'Läste jourrapport',
  'notice.registered': 'Registrerade avisering',
  'notice.updated': 'Ändrade avisering',
  'notice.read': 'Läste avisering',
  'notice.acknowledged': 'Kvitterade avisering',
  'assignment.registered': 'Registrerade uppdrag',
  'assignment.read': 'Läste uppdrag',
  'assignment.documented': 'Dokumenterade uppdrag',
  'audit.searched': 'Loggkontroll (sökning i loggen)',
  'access_review.searched': 'Loggkontroll',
  'access_review.history_printed': 'Utskrift av åtkomsthistorik',
  'subject_access.requested': 'Registerutdrag begärt',
  'subject_access.downloaded': 'Registerutdrag hämtat',
};

export const roleNames: Record<string, string> = {
  socialsekreterare: 'Socialsekreterare',
  enhetschef: 'Enhetschef',
  kommun: 'Kommunhandläggare',
  controller: 'Controller',
  admin: 'Systemadministratör',
};

export const protectionLabels: Record<string, string> = {
  none: 'Ingen',
  sekretessmarkering: 'Sekretessmarkering',
  skyddad_folkbokforing: 'Skyddad folkbokföring',
  fingerade: 'Fingerade personuppgifter',
};

export const actionLabel = (action: string) => auditActionLabels[action] ?? action;
