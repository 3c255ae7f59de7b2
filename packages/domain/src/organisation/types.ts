import type { CalendarConfig } from '../calendar/index.ts';

export interface MunicipalityConfig {
  /** kommunkod, four digits */
  code: string;
  name: string;
  /** the host municipality (huvudman) employs the staff */
  isHost: boolean;
}

export interface CategoryConfig {
  code: string;
  name: string;
  /** cases of a prioritised category are raised in triage (children and youth) */
  isPrioritised: boolean;
}

/** Who may take a decision of this type. */
export type DecisionMaker = 'politician' | 'delegation';

/** A legal basis of a decision type, as in force between two dates. */
export interface LegalBasisConfig {
  reference: string;
  validFrom: string;
  validTo: string | null;
}

export interface DecisionTypeConfig {
  code: string;
  name: string;
  decidedBy: DecisionMaker;
  /** the person the decision concerns must be younger than this (LVU: 20) */
  subjectMaxAgeExclusive: number | null;
  /** what is recorded as granted or refused (emergency money, accommodation) */
  isGrantable: boolean;
  legalBases: LegalBasisConfig[];
}

export interface OrganisationPreset {
  key: 'nordost' | 'nordvast';
  name: string;
  shortName: string;
  timeZone: string;
  phone: string;
  municipalities: MunicipalityConfig[];
  categories: CategoryConfig[];
  decisionTypes: DecisionTypeConfig[];
  calendar: CalendarConfig;
  /** staff working on each open shift */
  staffPerShift: number;
}
