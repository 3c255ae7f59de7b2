import { describe, expect, it } from 'vitest';
import {
  applyOverride,
  countRuleMatches,
  defaultTriageRules,
  recordTriage,
  ruleMatches,
  triage,
  validateTriageRules,
  type Criterion,
  type Priority,
  type TriageRule,
} from './triage.ts';

describe('triage with the default rules', () => {
  it.each<[Criterion[], boolean, Priority, Priority, string | null, boolean]>([
    // criteria, concernsChild, priority, basePriority, matched rule, raised for child
    [[], false, 3, 3, null, false], // nothing ticked: hand over
    [[], true, 2, 3, null, true],
    [['child_in_danger'], false, 1, 1, 'child_in_danger', false],
    [['possible_lvu'], false, 1, 1, 'possible_lvu', false],
    [['police_on_site', 'unaccompanied_child'], false, 1, 1, 'police_unaccompanied_child', false],
    [['unaccompanied_child'], false, 2, 2, 'unaccompanied_child', false], // the rule already weighs the child
    [['police_on_site'], false, 2, 2, 'police_on_site', false],
    [['police_on_site'], true, 1, 2, 'police_on_site', true],
    [['possible_lvm'], false, 1, 1, 'possible_lvm', false],
    [['suicide_risk'], false, 1, 1, 'suicide_risk', false],
    [['suicide_risk'], true, 1, 1, 'suicide_risk', false], // never above 1
    [['violence', 'safety_need'], false, 2, 2, 'violence_safety_need', false],
    [['violence', 'safety_need'], true, 1, 2, 'violence_safety_need', true],
    [['safety_need'], false, 2, 2, 'safety_need', false],
    [['violence'], false, 3, 3, 'violence', false],
    [['violence'], true, 2, 3, 'violence', true],
    [['child_report'], false, 2, 2, 'child_report', false], // a child's report needs a protection assessment this shift
    [['child_report', 'violence', 'safety_need'], false, 1, 2, 'violence_safety_need', true], // child implied by the report
    [['homelessness'], false, 2, 2, 'homelessness', false],
    [['homelessness'], true, 1, 2, 'homelessness', true],
    [['economic_emergency'], false, 2, 2, 'economic_emergency', false],
    [['substance_abuse'], false, 3, 3, 'substance_psychiatric', false],
    [['psychiatric'], false, 3, 3, 'substance_psychiatric', false],
    [['child_involved', 'substance_abuse'], false, 2, 3, 'substance_psychiatric', true], // child implied by the criterion
    [['child_involved'], false, 2, 3, null, true],
    [['information_only'], false, 4, 4, 'information_only', false],
    [['information_only'], true, 3, 4, 'information_only', true],
    [['information_only', 'violence'], false, 3, 3, 'violence', false], // first match wins
    [['information_only', 'possible_lvu'], false, 1, 1, 'possible_lvu', false],
    [['possible_lvm', 'homelessness', 'information_only'], false, 1, 1, 'possible_lvm', false],
  ])('%j, child %s → %i (base %i, rule %s, raised %s)', (criteria, concernsChild, priority, basePriority, ruleId, raised) => {
    const result = triage(criteria, defaultTriageRules, { concernsChild });
    expect(result).toMatchObject({ priority, basePriority, matchedRuleId: ruleId, raisedForChild: raised });
    if (ruleId) expect(result.matchedRuleLabel).toBe(defaultTriageRules.find((r) => r.id === ruleId)!.label);
  });

  it('raising for a child can be switched off', () => {
    expect(triage(['violence'], defaultTriageRules, { concernsChild: true, raiseForChild: false })).toMatchObject({
      priority: 3,
      raisedForChild: false,
      concernsChild: true,
    });
  });

  it('the fallback priority is configurable', () => {
    expect(triage([], defaultTriageRules, { concernsChild: false, fallbackPriority: 4 }).priority).toBe(4);
    expect(triage([], defaultTriageRules, { concernsChild: true, fallbackPriority: 4 }).priority).toBe(3);
  });

  it('ignores duplicate criteria', () => {
    expect(triage(['violence', 'violence'], defaultTriageRules, { concernsChild: false }).matchedRuleId).toBe('violence');
  });

  it('the default rules are valid and ordered most urgent first', () => {
    expect(validateTriageRules(defaultTriageRules)).toEqual([]);
    const priorities = defaultTriageRules.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort());
  });
});

describe('ruleMatches', () => {
  const rule = (when: TriageRule['when']): TriageRule => ({ id: 'r', label: 'R', when, priority: 2 });
  it.each<[TriageRule['when'], Criterion[], boolean]>([
    [{ all: ['violence', 'safety_need'] }, ['violence', 'safety_need'], true],
    [{ all: ['violence', 'safety_need'] }, ['violence'], false],
    [{ any: ['substance_abuse', 'psychiatric'] }, ['psychiatric'], true],
    [{ any: ['substance_abuse', 'psychiatric'] }, ['violence'], false],
    [{ all: ['police_on_site'], any: ['unaccompanied_child', 'child_in_danger'] }, ['police_on_site', 'child_in_danger'], true],
    [{ all: ['police_on_site'], any: ['unaccompanied_child', 'child_in_danger'] }, ['police_on_site'], false],
    [{ all: ['police_on_site'], any: ['unaccompanied_child', 'child_in_danger'] }, ['child_in_danger'], false],
    [{}, [], true], // no condition: a catch-all
    [{ any: [] }, ['violence'], true], // an empty `any` does not constrain
    [{ all: [] }, [], true],
  ])('%j on %j → %s', (when, criteria, matches) => {
    expect(ruleMatches(rule(when), new Set(criteria))).toBe(matches);
  });

  it('the first matching rule wins, whatever its priority', () => {
    const rules: TriageRule[] = [
      { id: 'violence', label: 'Våld', when: { any: ['violence'] }, priority: 3 },
      { id: 'violence_safety', label: 'Våld och skydd', when: { all: ['violence', 'safety_need'] }, priority: 1 },
      { id: 'catch_all', label: 'Övrigt', when: {}, priority: 4 },
    ];
    expect(triage(['violence', 'safety_need'], rules, { concernsChild: false }).matchedRuleId).toBe('violence');
    expect(triage(['homelessness'], rules, { concernsChild: false })).toMatchObject({ matchedRuleId: 'catch_all', priority: 4 });
  });
});

describe('validateTriageRules', () => {
  const ok: TriageRule = { id: 'a', label: 'A', when: { any: ['violence'] }, priority: 2 };
  it.each<[string, TriageRule[], string | null]>([
    ['valid', [ok, { id: 'b', label: 'B', when: {}, priority: 4 }], null],
    ['duplicate id', [ok, { ...ok }], 'id används redan'],
    ['empty id', [{ ...ok, id: ' ' }], 'saknar id'],
    ['empty label', [{ ...ok, label: '' }], 'saknar benämning'],
    ['bad priority', [{ ...ok, priority: 5 as Priority }], 'prioriteten måste vara 1–4'],
    ['unknown criterion', [{ ...ok, when: { all: ['weather' as Criterion] } }], 'okänt kriterium "weather"'],
    ['catch-all before other rules', [{ ...ok, when: {} }, { ...ok, id: 'b' }], 'skulle dölja alla regler'],
  ])('%s', (_name, rules, problem) => {
    const problems = validateTriageRules(rules);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toContain(problem);
  });
});

describe('applyOverride', () => {
  it.each<[Priority, Priority, string, boolean, string | null]>([
    // suggested, chosen, reason, ok, error field
    [3, 2, 'Barnet är ensamt hemma', true, null],
    [2, 4, 'Polisen har redan löst situationen', true, null],
    [3, 2, '', false, 'reason'],
    [3, 2, '   \n', false, 'reason'],
    [3, 3, '', true, null], // choosing the suggestion is not an override
    [1, 1, '', true, null],
    [3, 5 as Priority, 'x', false, 'priority'],
    [3, 0 as Priority, 'x', false, 'priority'],
    [3, 2, 'x'.repeat(2001), false, 'reason'],
  ])('suggested %i, chosen %i with %j → ok %s', (suggested, priority, reason, ok, field) => {
    const result = applyOverride(suggested, { priority, reason });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error.field).toBe(field);
  });

  it('records the suggestion and the trimmed reason', () => {
    const suggestion = triage(['violence'], defaultTriageRules, { concernsChild: false });
    expect(applyOverride(suggestion, { priority: 1, reason: '  Hot med kniv  ' })).toEqual({
      ok: true,
      priority: 1,
      suggestedPriority: 3,
      isOverride: true,
      reason: 'Hot med kniv',
    });
  });

  it('explains the missing reason in Swedish', () => {
    const result = applyOverride(3, { priority: 1, reason: '' });
    expect(result).toEqual({
      ok: false,
      error: { field: 'reason', message: 'Ange skälet till att prioritet 1 väljs i stället för den föreslagna prioriteten 3' },
    });
  });
});

describe('recordTriage', () => {
  const base = {
    rules: defaultTriageRules,
    options: { concernsChild: false },
    triagedBy: { id: 'u1', name: 'Sara Socionom' },
    triagedAt: '2026-05-15T21:10:00+02:00',
  };

  it('records a first triage without a reason', () => {
    const result = recordTriage({ ...base, criteria: ['safety_need', 'violence'] });
    expect(result).toEqual({
      ok: true,
      record: {
        priority: 2,
        suggestedPriority: 2,
        criteria: ['violence', 'safety_need'], // canonical order
        matchedRuleId: 'violence_safety_need',
        raisedForChild: false,
        isOverride: false,
        isRetriage: false,
        reason: null,
        triagedBy: { id: 'u1', name: 'Sara Socionom' },
        triagedAt: '2026-05-15T21:10:00+02:00',
      },
    });
  });

  it.each<[string, Partial<Parameters<typeof recordTriage>[0]>, boolean, Priority | null, string | null]>([
    // name, extra input, ok, priority, reason
    ['re-triage without a reason', { previous: { priority: 3 } }, false, null, null],
    ['re-triage with a reason', { previous: { priority: 3 }, reason: 'Ny uppgift: hot mot barnet' }, true, 3, 'Ny uppgift: hot mot barnet'],
    ['override without a reason', { override: { priority: 1, reason: '' } }, false, null, null],
    ['override with its reason', { override: { priority: 1, reason: 'Kniv i hemmet' } }, true, 1, 'Kniv i hemmet'],
    ['override with the reason field', { override: { priority: 1, reason: '' }, reason: 'Kniv i hemmet' }, true, 1, 'Kniv i hemmet'],
    ['override to the suggestion', { override: { priority: 3, reason: '' } }, true, 3, null],
    ['re-triage and override', { previous: { priority: 2 }, override: { priority: 4, reason: 'Polisen har löst det' } }, true, 4, 'Polisen har löst det'],
  ])('%s', (_name, extra, ok, priority, reason) => {
    const result = recordTriage({ ...base, criteria: ['violence'], ...extra });
    expect(result.ok).toBe(ok);
    if (result.ok) {
      expect(result.record.priority).toBe(priority);
      expect(result.record.reason).toBe(reason);
      expect(result.record.suggestedPriority).toBe(3);
      expect(result.record.isRetriage).toBe(extra.previous !== undefined && extra.previous !== null);
    } else {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.field).toBe('reason');
    }
  });

  it('asks why a case is triaged again', () => {
    const result = recordTriage({ ...base, criteria: [], previous: { priority: 2 } });
    expect(result).toEqual({ ok: false, errors: [{ field: 'reason', message: 'Ange varför ärendet prioriteras om' }] });
  });
});

describe('countRuleMatches', () => {
  it('counts each rule and the unmatched', () => {
    const counts = countRuleMatches([{ matchedRuleId: 'violence' }, { matchedRuleId: null }, { matchedRuleId: 'violence' }]);
    expect([...counts]).toEqual([
      ['violence', 2],
      [null, 1],
    ]);
  });
});
