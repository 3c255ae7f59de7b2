import { describe, expect, it } from 'vitest';
import { checkDecisionAgainstNotices, checkShelterAgainstNotices, isNoticeActive, validateNotice, type DecisionForCheck, type NoticeForCheck } from './notices.ts';

const notice = (over: Partial<NoticeForCheck> = {}): NoticeForCheck => ({
  id: 'n1',
  title: 'Familjen Ek: plan',
  municipalityName: 'Täby',
  instructions: [],
  personIds: ['child', 'parent'],
  contactName: 'Karin Åberg',
  contactPhone: '08-555 000 00',
  ...over,
});
const decision = (over: Partial<DecisionForCheck> = {}): DecisionForCheck => ({
  typeCode: 'EKONOMISKT_BISTAND',
  granted: true,
  subjectPersonId: null,
  subjectPlacement: null,
  casePersonIds: ['parent'],
  ...over,
});

describe('isNoticeActive', () => {
  it.each<[string, 'active' | 'withdrawn', boolean]>([
    ['2026-11-01', 'active', true],
    ['2026-11-30', 'active', true],
    ['2026-12-01', 'active', false],
    ['2026-10-31', 'active', false],
    ['2026-11-15', 'withdrawn', false],
  ])('on %s, %s → %s', (today, status, expected) => {
    expect(isNoticeActive({ status, validFrom: '2026-11-01', validTo: '2026-11-30' }, today)).toBe(expected);
  });
});

describe('validateNotice', () => {
  const base = { validFrom: '2026-11-23', validTo: '2026-12-23', instructions: ['no_economic_aid'], personCount: 1, today: '2026-11-23' };
  it.each<[string, Partial<typeof base>, string[]]>([
    ['valid', {}, []],
    ['nobody', { personCount: 0 }, ['persons']],
    ['ends before it starts', { validTo: '2026-11-22' }, ['validTo']],
    ['already over', { validFrom: '2026-11-01', validTo: '2026-11-20' }, ['validTo']],
    ['longer than a year', { validTo: '2027-12-31' }, ['validTo']],
    ['unknown instruction', { instructions: ['no_cake'] }, ['instructions']],
    ['SoL and LVU at once', { instructions: ['child_placed_sol', 'child_placed_lvu'] }, ['instructions']],
  ])('%s', (_name, over, fields) => {
    expect(validateNotice({ ...base, ...over }).map((e) => e.field)).toEqual(fields);
  });
});

describe('checkDecisionAgainstNotices', () => {
  it.each<[string, NoticeForCheck, DecisionForCheck, string[]]>([
    ['economic aid granted against no_economic_aid', notice({ instructions: ['no_economic_aid'] }), decision(), ['no_economic_aid']],
    ['economic aid refused: no conflict', notice({ instructions: ['no_economic_aid'] }), decision({ granted: false }), []],
    ['another decision type: no conflict', notice({ instructions: ['no_economic_aid'] }), decision({ typeCode: 'SOL_PLACERING', granted: null }), []],
    ['notice about someone not in the case', notice({ instructions: ['no_economic_aid'], personIds: ['other'] }), decision(), []],
    ['accommodation granted against no_emergency_accommodation', notice({ instructions: ['no_emergency_accommodation'] }), decision({ typeCode: 'AKUT_LOGI' }), ['no_emergency_accommodation']],
    ['any decision when the municipality is to be contacted first', notice({ instructions: ['contact_municipality_first'] }), decision({ typeCode: 'SOL_PLACERING', granted: null }), ['contact_municipality_first']],
    ['stated LVU against a notice of SoL', notice({ instructions: ['child_placed_sol'] }), decision({ typeCode: 'LVU43', subjectPersonId: 'child', subjectPlacement: 'lvu', casePersonIds: ['child'] }), ['child_placed_sol']],
    ['stated SoL against a notice of LVU', notice({ instructions: ['child_placed_lvu'] }), decision({ typeCode: 'LVU43', subjectPersonId: 'child', subjectPlacement: 'sol', casePersonIds: ['child'] }), ['child_placed_lvu']],
    ['no stated placement: the notice gives it, no conflict', notice({ instructions: ['child_placed_sol'] }), decision({ typeCode: 'LVU43', subjectPersonId: 'child', casePersonIds: ['child'] }), []],
  ])('%s', (_name, n, d, instructions) => {
    const result = checkDecisionAgainstNotices(d, [n]);
    expect(result.conflicts.map((c) => c.instruction)).toEqual(instructions);
    for (const c of result.conflicts) expect(c.message).toContain('”Familjen Ek: plan” från Täby');
  });

  it('takes the placement from the notice when none is stated, for the subject only', () => {
    const sol = notice({ instructions: ['child_placed_sol'] });
    expect(checkDecisionAgainstNotices(decision({ typeCode: 'LVU43', subjectPersonId: 'child', casePersonIds: ['child'] }), [sol])).toMatchObject({ subjectPlacement: 'sol', placementNotice: { id: 'n1' } });
    expect(checkDecisionAgainstNotices(decision({ typeCode: 'LVU43', subjectPersonId: 'other', casePersonIds: ['child', 'other'] }), [sol]).subjectPlacement).toBeNull();
    expect(checkDecisionAgainstNotices(decision({ typeCode: 'LVU43', subjectPersonId: 'child', subjectPlacement: 'lvu', casePersonIds: ['child'] }), [sol])).toMatchObject({ subjectPlacement: 'lvu', placementNotice: null });
  });

  it('names the contact person when the municipality is to be contacted first', () => {
    const [c] = checkDecisionAgainstNotices(decision(), [notice({ instructions: ['contact_municipality_first'] })]).conflicts;
    expect(c!.message).toContain('Karin Åberg, 08-555 000 00');
  });

  it('checks granting accommodation at closing', () => {
    expect(checkShelterAgainstNotices(['parent'], [notice({ instructions: ['no_emergency_accommodation'] })]).map((c) => c.instruction)).toEqual(['no_emergency_accommodation']);
    expect(checkShelterAgainstNotices(['someone'], [notice({ instructions: ['no_emergency_accommodation'] })])).toEqual([]);
  });
});
