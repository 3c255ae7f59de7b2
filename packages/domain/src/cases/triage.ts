// Triage: a criteria checklist → priority 1–4 through an ordered list of rules
// (the first match wins, as in OpenSPP), children raised by one level, a manual
// override with a reason, and re-triage recorded with who and why.
// The default rules follow LEGAL.md "Triage"; they are data the unit can replace.

export const PRIORITIES = [1, 2, 3, 4] as const;
/** 1 act now / turn out, 2 this shift, 3 next working day (hand over), 4 information or referral. */
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  1: 'Akut – agera nu, utryckning',
  2: 'Brådskande – under passet',
  3: 'Kan vänta till nästa vardag – överlämnas',
  4: 'Upplysning eller hänvisning',
};

export function isPriority(value: unknown): value is Priority {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export const TRIAGE_CRITERIA = [
  'child_in_danger',
  'child_involved',
  'unaccompanied_child',
  'child_report',
  'possible_lvu',
  'possible_lvm',
  'police_on_site',
  'violence',
  'safety_need',
  'suicide_risk',
  'psychiatric',
  'substance_abuse',
  'homelessness',
  'economic_emergency',
  'information_only',
] as const;
export type Criterion = (typeof TRIAGE_CRITERIA)[number];

export const CRITERION_LABELS = {
  child_in_danger: 'Barn i akut fara',
  child_involved: 'Barn berörs',
  unaccompanied_child: 'Barn utan vårdnadshavare på plats',
  child_report: 'Orosanmälan om barn',
  possible_lvu: 'Möjligt omedelbart omhändertagande (6 § LVU)',
  possible_lvm: 'Möjligt omedelbart omhändertagande (13 § LVM)',
  police_on_site: 'Polis på plats',
  violence: 'Våld eller hot om våld',
  safety_need: 'Akut skyddsbehov',
  suicide_risk: 'Suicidrisk',
  psychiatric: 'Psykisk ohälsa',
  substance_abuse: 'Missbruk',
  homelessness: 'Akut hemlöshet',
  economic_emergency: 'Akut ekonomiskt nödläge',
  information_only: 'Endast upplysning eller hänvisning',
} as const satisfies Record<Criterion, string>;

/** Criteria that by themselves mean the case concerns a child. */
export const CHILD_CRITERIA: readonly Criterion[] = ['child_in_danger', 'child_involved', 'unaccompanied_child', 'child_report', 'possible_lvu'];

export function isCriterion(value: string): value is Criterion {
  return (TRIAGE_CRITERIA as readonly string[]).includes(value);
}

export interface TriageRule {
  id: string;
  /** Swedish, shown to the worker as the reason for the suggestion */
  label: string;
  /** `all`: every one present; `any`: at least one present; both when given. No condition: always matches. */
  when: { all?: readonly Criterion[]; any?: readonly Criterion[] };
  priority: Priority;
  /** the rule already weighs the child: no extra raise for a case concerning a child */
  noChildRaise?: boolean;
}

/** LEGAL.md "Triage", most urgent first. */
export const defaultTriageRules: readonly TriageRule[] = [
  { id: 'child_in_danger', label: 'Barn i akut fara', when: { any: ['child_in_danger'] }, priority: 1, noChildRaise: true },
  { id: 'possible_lvu', label: 'Möjligt omedelbart omhändertagande enligt 6 § LVU', when: { any: ['possible_lvu'] }, priority: 1, noChildRaise: true },
  {
    id: 'police_unaccompanied_child',
    label: 'Polis på plats med barn utan vårdnadshavare',
    when: { all: ['police_on_site', 'unaccompanied_child'] },
    priority: 1,
    noChildRaise: true,
  },
  { id: 'possible_lvm', label: 'Möjligt omedelbart omhändertagande enligt 13 § LVM', when: { any: ['possible_lvm'] }, priority: 1 },
  { id: 'suicide_risk', label: 'Akut suicidrisk', when: { any: ['suicide_risk'] }, priority: 1 },
  { id: 'violence_safety_need', label: 'Våld i nära relation med skyddsbehov', when: { all: ['violence', 'safety_need'] }, priority: 2 },
  { id: 'child_report', label: 'Orosanmälan som kräver skyddsbedömning', when: { any: ['child_report'] }, priority: 2, noChildRaise: true },
  { id: 'unaccompanied_child', label: 'Barn utan vårdnadshavare', when: { any: ['unaccompanied_child'] }, priority: 2, noChildRaise: true },
  { id: 'homelessness', label: 'Akut hemlöshet', when: { any: ['homelessness'] }, priority: 2 },
  { id: 'police_on_site', label: 'Polis på plats', when: { any: ['police_on_site'] }, priority: 2 },
  { id: 'safety_need', label: 'Akut skyddsbehov', when: { any: ['safety_need'] }, priority: 2 },
  { id: 'economic_emergency', label: 'Akut ekonomiskt nödläge', when: { any: ['economic_emergency'] }, priority: 2 },
  { id: 'violence', label: 'Våld utan akut skyddsbehov', when: { any: ['violence'] }, priority: 3 },
  { id: 'substance_psychiatric', label: 'Missbruk eller psykisk ohälsa', when: { any: ['substance_abuse', 'psychiatric'] }, priority: 3 },
  { id: 'information_only', label: 'Endast upplysning eller hänvisning', when: { any: ['information_only'] }, priority: 4 },
];

/** Priority when no rule matches: hand over to the municipality. */
export const DEFAULT_FALLBACK_PRIORITY: Priority = 3;

export interface TriageOptions {
  /** the case concerns a child (also implied by any of CHILD_CRITERIA) */
  concernsChild: boolean;
  /** raise a case concerning a child by one level (never above 1); default true */
  raiseForChild?: boolean;
  /** priority when no rule matches; default 3 */
  fallbackPriority?: Priority;
}

export interface TriageResult {
  /** the suggested priority, after any raise for a child */
  priority: Priority;
  /** the priority of the matched rule (or the fallback) before the raise */
  basePriority: Priority;
  matchedRuleId: string | null;
  matchedRuleLabel: string | null;
  /** true when the raise for a child changed the priority */
  raisedForChild: boolean;
  concernsChild: boolean;
}

export function ruleMatches(rule: TriageRule, criteria: ReadonlySet<Criterion>): boolean {
  const { all, any } = rule.when;
  if (all && !all.every((c) => criteria.has(c))) return false;
  if (any && any.length > 0 && !any.some((c) => criteria.has(c))) return false;
  return true;
}

/** Suggests a priority: the first matching rule, then one level up for a child. */
export function triage(criteria: Iterable<Criterion>, rules: readonly TriageRule[], options: TriageOptions): TriageResult {
  const present = new Set(criteria);
  const rule = rules.find((r) => ruleMatches(r, present)) ?? null;
  const basePriority = rule?.priority ?? options.fallbackPriority ?? DEFAULT_FALLBACK_PRIORITY;
  const concernsChild = options.concernsChild || CHILD_CRITERIA.some((c) => present.has(c));
  const raise = concernsChild && (options.raiseForChild ?? true) && !rule?.noChildRaise && basePriority > 1;
  return {
    priority: raise ? ((basePriority - 1) as Priority) : basePriority,
    basePriority,
    matchedRuleId: rule?.id ?? null,
    matchedRuleLabel: rule?.label ?? null,
    raisedForChild: raise,
    concernsChild,
  };
}

/** Checks a rule list a unit has configured. Swedish messages, one per problem. */
export function validateTriageRules(rules: readonly TriageRule[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, index) => {
    const at = `Regel ${index + 1}${rule.id ? ` (${rule.id})` : ''}`;
    if (!rule.id.trim()) problems.push(`${at}: saknar id`);
    else if (ids.has(rule.id)) problems.push(`${at}: id används redan`);
    ids.add(rule.id);
    if (!rule.label.trim()) problems.push(`${at}: saknar benämning`);
    if (!isPriority(rule.priority)) problems.push(`${at}: prioriteten måste vara 1–4`);
    for (const c of [...(rule.when.all ?? []), ...(rule.when.any ?? [])]) {
      if (!isCriterion(c)) problems.push(`${at}: okänt kriterium "${c}"`);
    }
    const unconditional = (rule.when.all ?? []).length === 0 && (rule.when.any ?? []).length === 0;
    if (unconditional && index < rules.length - 1) problems.push(`${at}: saknar villkor och skulle dölja alla regler efter den`);
  });
  return problems;
}

// ---------------------------------------------------------------------------
// Override and re-triage

export interface TriageOverride {
  priority: Priority;
  reason: string;
}

export interface TriageError {
  field: 'priority' | 'reason';
  message: string;
}

export type OverrideResult =
  | { ok: true; priority: Priority; suggestedPriority: Priority; isOverride: boolean; reason: string | null }
  | { ok: false; error: TriageError };

export const REASON_MAX_LENGTH = 2000;

/**
 * Applies a manual priority. A priority other than the suggested one needs a
 * reason; choosing the suggested one is not an override.
 */
export function applyOverride(suggested: Priority | Pick<TriageResult, 'priority'>, override: TriageOverride): OverrideResult {
  const suggestedPriority = typeof suggested === 'number' ? suggested : suggested.priority;
  if (!isPriority(override.priority)) return { ok: false, error: { field: 'priority', message: 'Prioriteten måste vara 1, 2, 3 eller 4' } };
  const reason = override.reason.trim();
  if (override.priority === suggestedPriority) {
    return { ok: true, priority: suggestedPriority, suggestedPriority, isOverride: false, reason: reason || null };
  }
  if (!reason) {
    return {
      ok: false,
      error: { field: 'reason', message: `Ange skälet till att prioritet ${override.priority} väljs i stället för den föreslagna prioriteten ${suggestedPriority}` },
    };
  }
  if (reason.length > REASON_MAX_LENGTH) return { ok: false, error: { field: 'reason', message: `Skälet får vara högst ${REASON_MAX_LENGTH} tecken` } };
  return { ok: true, priority: override.priority, suggestedPriority, isOverride: true, reason };
}

export interface TriageActor {
  id: string | null;
  name: string;
}

/** One triage of a case, as stored: who, when, on which criteria, and why. */
export interface TriageRecord {
  priority: Priority;
  suggestedPriority: Priority;
  criteria: Criterion[];
  matchedRuleId: string | null;
  raisedForChild: boolean;
  isOverride: boolean;
  isRetriage: boolean;
  /** why the priority differs from the suggestion, or why the case was triaged again */
  reason: string | null;
  triagedBy: TriageActor;
  /** RFC 3339 instant */
  triagedAt: string;
}

export interface RecordTriageInput {
  criteria: readonly Criterion[];
  rules: readonly TriageRule[];
  options: TriageOptions;
  /** the chosen priority when the worker departs from the suggestion */
  override?: TriageOverride | null;
  /** the current triage of the case; set for a re-triage */
  previous?: Pick<TriageRecord, 'priority'> | null;
  /** why: required for a re-triage and for an override */
  reason?: string;
  triagedBy: TriageActor;
  triagedAt: string;
}

export type RecordTriageResult = { ok: true; record: TriageRecord } | { ok: false; errors: TriageError[] };

/**
 * Triage or re-triage a case. A re-triage (there is a previous triage) must say
 * why; so must an override. The record keeps the suggestion next to the choice.
 */
export function recordTriage(input: RecordTriageInput): RecordTriageResult {
  const suggestion = triage(input.criteria, input.rules, input.options);
  const reasonText = (input.reason ?? input.override?.reason ?? '').trim();
  const errors: TriageError[] = [];
  let priority = suggestion.priority;
  let isOverride = false;
  if (input.override) {
    const applied = applyOverride(suggestion, { priority: input.override.priority, reason: reasonText });
    if (!applied.ok) errors.push(applied.error);
    else ({ priority, isOverride } = applied);
  }
  const isRetriage = input.previous !== undefined && input.previous !== null;
  if (isRetriage && !reasonText && !errors.some((e) => e.field === 'reason')) {
    errors.push({ field: 'reason', message: 'Ange varför ärendet prioriteras om' });
  }
  if (reasonText.length > REASON_MAX_LENGTH && !errors.some((e) => e.field === 'reason')) {
    errors.push({ field: 'reason', message: `Skälet får vara högst ${REASON_MAX_LENGTH} tecken` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      priority,
      suggestedPriority: suggestion.priority,
      criteria: TRIAGE_CRITERIA.filter((c) => input.criteria.includes(c)),
      matchedRuleId: suggestion.matchedRuleId,
      raisedForChild: suggestion.raisedForChild,
      isOverride,
      isRetriage,
      reason: reasonText || null,
      triagedBy: input.triagedBy,
      triagedAt: input.triagedAt,
    },
  };
}

/** How often each rule matched, for the unit to review its rules (OpenSPP keeps the same count). */
export function countRuleMatches(records: readonly Pick<TriageRecord, 'matchedRuleId'>[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const r of records) counts.set(r.matchedRuleId, (counts.get(r.matchedRuleId) ?? 0) + 1);
  return counts;
}
