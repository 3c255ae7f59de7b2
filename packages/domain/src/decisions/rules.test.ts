import { describe, expect, it } from 'vitest';
import { defaultDecisionTypes } from '../organisation/presets.ts';
import type { DecisionTypeConfig } from '../organisation/types.ts';
import {
  decisionsLosingBasis,
  validateDecision,
  validateWithdrawal,
  type DecisionContext,
  type DecisionErrorCode,
  type DecisionInput,
  type WithdrawalInput,
} from './rules.ts';

function typeOf(code: string): DecisionTypeConfig {
  const type = defaultDecisionTypes.find((t) => t.code === code);
  if (!type) throw new Error(`no preset type ${code}`);
  return type;
}

const CHILD = 'child-1';

/** A valid decision of each preset type. */
const valid: Record<string, DecisionInput> = {
  LVU6: {
    typeCode: 'LVU6',
    decidedAt: '2026-05-15T21:00:00+02:00',
    decisionMaker: { kind: 'politician' },
    subjectPersonId: CHILD,
    subject: { birthDate: '2012-03-01' },
  },
  LVU43: {
    typeCode: 'LVU43',
    decidedAt: '2026-05-16T01:10:00+02:00',
    decisionMaker: { kind: 'delegation' },
    subjectPersonId: CHILD,
    subject: { birthDate: '2012-03-01' },
    linkedDecision: { id: 'd-6', typeCode: 'LVU6', status: 'active', subjectPersonId: CHILD },
    specialCircumstances: 'Pojken har avvikit två gånger tidigare och vårdnadshavaren har hotat personal.',
  },
  LVM13: {
    typeCode: 'LVM13',
    decidedAt: '2026-05-15T23:40:00+02:00',
    decisionMaker: { kind: 'politician' },
    subjectPersonId: 'adult-1',
    subject: { birthDate: '1980-01-01' },
  },
  SKYDDAT_BOENDE: {
    typeCode: 'SKYDDAT_BOENDE',
    decidedAt: '2026-05-15T21:00:00+02:00',
    decisionMaker: { kind: 'delegation' },
    subjectPersonId: CHILD,
    subject: { birthDate: '2015-06-01' },
  },
  SOL_PLACERING: {
    typeCode: 'SOL_PLACERING',
    decidedAt: '2026-05-15T21:00:00+02:00',
    decisionMaker: { kind: 'delegation' },
    subjectPersonId: CHILD,
    subject: { birthDate: '2015-06-01' },
  },
  EKONOMISKT_BISTAND: {
    typeCode: 'EKONOMISKT_BISTAND',
    decidedAt: '2026-05-15T21:00:00+02:00',
    decisionMaker: { kind: 'delegation' },
    subjectPersonId: null,
    subject: null,
    granted: false,
  },
};

function check(code: string, change: Partial<DecisionInput> = {}, context: Partial<DecisionContext> = {}) {
  const input: DecisionInput = { ...valid[code]!, ...change };
  return validateDecision(input, { decisionType: typeOf(code), ...context });
}

function codesOf(result: ReturnType<typeof validateDecision>): DecisionErrorCode[] {
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('validateDecision: valid decisions', () => {
  it.each([
    ['LVU6', '2026-05-15', '6 § lagen (1990:52) med särskilda bestämmelser om vård av unga'],
    ['LVU43', '2026-05-16', '43 § lagen (1990:52) med särskilda bestämmelser om vård av unga'],
    ['LVM13', '2026-05-15', '13 § lagen (1988:870) om vård av missbrukare i vissa fall'],
    ['SKYDDAT_BOENDE', '2026-05-15', 'Lag (2024:79) om placering av barn i skyddat boende'],
    ['SOL_PLACERING', '2026-05-15', 'Socialtjänstlagen (2025:400) [verifiera paragraf]'],
    ['EKONOMISKT_BISTAND', '2026-05-15', 'Socialtjänstlagen (2025:400) [verifiera paragraf]'],
  ])('%s on %s under %s', (code, decisionDate, reference) => {
    const result = check(code, {}, { subjectPlacement: code === 'LVU43' ? 'lvu' : null });
    expect(result).toEqual({ ok: true, decisionDate, legalBasis: expect.objectContaining({ reference }) });
  });
});

describe('validateDecision: who decides', () => {
  it.each<[string, 'politician' | 'delegation', DecisionErrorCode[]]>([
    ['LVU6', 'politician', []],
    ['LVU6', 'delegation', ['maker_not_allowed']], // JO 956-2008: never a social worker
    ['LVM13', 'politician', []],
    ['LVM13', 'delegation', ['maker_not_allowed']],
    ['LVU43', 'delegation', []],
    ['LVU43', 'politician', []], // the committee's own power covers a delegable decision
    ['EKONOMISKT_BISTAND', 'delegation', []],
    ['EKONOMISKT_BISTAND', 'politician', []],
    ['SOL_PLACERING', 'delegation', []],
  ])('%s by %s → %j', (code, kind, codes) => {
    expect(codesOf(check(code, { decisionMaker: { kind } }))).toEqual(codes);
  });

  it('explains the refusal in Swedish, citing JO', () => {
    const result = check('LVU6', { decisionMaker: { kind: 'delegation' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.field).toBe('decisionMaker');
      expect(result.errors[0]!.message).toContain('Omedelbart omhändertagande 6 § LVU beslutas av nämnden');
      expect(result.errors[0]!.message).toContain('JO 956-2008');
    }
  });
});

describe('validateDecision: the subject and age limits on the local date', () => {
  it.each<[string, string, string | null, DecisionErrorCode[]]>([
    // code, decided at, birth date, errors
    ['LVU6', '2026-05-15T21:00:00+02:00', '2006-05-16', []], // 19, turns 20 tomorrow
    ['LVU6', '2026-05-15T21:00:00+02:00', '2006-05-15', ['too_old']], // 20 today
    ['LVU6', '2026-05-14T22:30:00Z', '2006-05-15', ['too_old']], // 22:30 UTC on the 14th is 00:30 on the 15th locally
    ['LVU6', '2026-05-14T21:30:00Z', '2006-05-15', []], // 23:30 local on the 14th: still 19
    ['LVU6', '2026-05-14T21:30:00+02:00', '2006-05-15', []], // 21:30 local on the 14th: still 19
    ['LVU6', '2026-05-15T21:00:00+02:00', '2026-05-15', []], // a newborn
    ['LVU6', '2026-05-15T21:00:00+02:00', '2026-05-16', ['birth_date_invalid']],
    ['LVU6', '2026-05-15T21:00:00+02:00', '2010-02-30', ['birth_date_invalid']],
    ['LVU6', '2026-05-15T21:00:00+02:00', null, ['birth_date_missing']],
    ['LVU43', '2026-05-15T21:00:00+02:00', '2006-05-15', ['too_old']],
    ['LVU43', '2026-05-15T21:00:00+02:00', null, ['birth_date_missing']],
    ['SKYDDAT_BOENDE', '2026-05-15T21:00:00+02:00', '2008-05-16', []], // 17
    ['SKYDDAT_BOENDE', '2026-05-15T21:00:00+02:00', '2008-05-15', ['too_old']], // 18
    ['LVM13', '2026-05-15T21:00:00+02:00', null, []], // no age limit
    ['LVM13', '2026-05-15T21:00:00+02:00', '1930-01-01', []],
    ['SOL_PLACERING', '2026-05-15T21:00:00+02:00', null, []],
  ])('%s at %s, born %s → %j', (code, decidedAt, birthDate, codes) => {
    expect(codesOf(check(code, { decidedAt, subject: { birthDate } }, { subjectPlacement: 'lvu' }))).toEqual(codes);
  });

  it('asks for the birth date when the subject is unknown', () => {
    const result = check('LVU6', { subject: null });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'subject.birthDate',
          code: 'birth_date_missing',
          message: 'Ange födelsedatum för den som beslutet gäller: Omedelbart omhändertagande 6 § LVU får bara avse den som är under 20 år på beslutsdagen',
        },
      ],
    });
  });

  it('gives the age in the refusal', () => {
    const result = check('LVU6', { subject: { birthDate: '2005-01-01' } });
    expect(!result.ok && result.errors[0]!.message).toBe(
      'Personen är 21 år på beslutsdagen 2026-05-15. Omedelbart omhändertagande 6 § LVU får bara avse den som är under 20 år.',
    );
  });

  it.each<[string, DecisionErrorCode[]]>([
    ['LVU6', ['subject_missing']],
    ['LVM13', ['subject_missing']],
    ['LVU43', ['subject_missing', 'lvu_basis_other_person']],
    ['SKYDDAT_BOENDE', ['subject_missing']],
    ['SOL_PLACERING', []],
    ['EKONOMISKT_BISTAND', []],
  ])('%s without a subject person → %j', (code, codes) => {
    expect(codesOf(check(code, { subjectPersonId: null }))).toEqual(codes);
  });
});

describe('validateDecision: time and legal basis', () => {
  it.each<[string, string, DecisionErrorCode[], string | null]>([
    // code, decided at, errors, legal reference
    ['LVU6', '1990-06-30T12:00:00+02:00', ['no_legal_basis'], null], // before LVU 1990:52
    ['LVU6', '1990-07-01T12:00:00+02:00', [], '6 § lagen (1990:52) med särskilda bestämmelser om vård av unga'],
    ['SKYDDAT_BOENDE', '2024-06-30T12:00:00+02:00', ['no_legal_basis'], null],
    ['SKYDDAT_BOENDE', '2024-06-30T22:30:00Z', [], 'Lag (2024:79) om placering av barn i skyddat boende'], // 00:30 on 1 July local
    ['SOL_PLACERING', '2025-06-30T23:30:00+02:00', [], '4 kap. 1 § socialtjänstlagen (2001:453)'],
    ['SOL_PLACERING', '2025-06-30T22:30:00Z', [], 'Socialtjänstlagen (2025:400) [verifiera paragraf]'], // 00:30 on 1 July local
    ['EKONOMISKT_BISTAND', '2025-06-30T21:59:59Z', [], '4 kap. 1 § socialtjänstlagen (2001:453)'],
    ['EKONOMISKT_BISTAND', '2025-06-30T22:00:00Z', [], 'Socialtjänstlagen (2025:400) [verifiera paragraf]'],
    ['LVU6', 'igår kväll', ['invalid_time'], null],
    ['LVU6', '2026-05-15T21:00:00', ['invalid_time'], null], // no offset: not an instant
    ['EKONOMISKT_BISTAND', '', ['invalid_time'], null],
  ])('%s at %j → %j', (code, decidedAt, codes, reference) => {
    const birthDate = decidedAt.startsWith('1990') ? '1985-01-01' : '2012-03-01';
    const result = check(code, { decidedAt, subject: { birthDate } });
    expect(codesOf(result)).toEqual(codes);
    if (result.ok) expect(result.legalBasis.reference).toBe(reference);
  });

  it.each<[string, string, DecisionErrorCode[]]>([
    ['2026-05-15T21:00:00+02:00', '2026-05-15T21:00:00+02:00', []],
    ['2026-05-15T21:00:00+02:00', '2026-05-15T21:05:00+02:00', []],
    ['2026-05-15T21:10:00+02:00', '2026-05-15T21:05:00+02:00', ['in_future']],
  ])('decided %s, now %s → %j', (decidedAt, now, codes) => {
    expect(codesOf(check('LVU6', { decidedAt }, { now }))).toEqual(codes);
  });

  it('refuses a decision recorded under another type', () => {
    expect(codesOf(check('LVU6', { typeCode: 'LVM13' }))).toEqual(['type_mismatch']);
  });

  it('counts in the given time zone', () => {
    const result = check('SOL_PLACERING', { decidedAt: '2025-06-30T22:30:00Z' }, { timeZone: 'UTC' });
    expect(result.ok && result.decisionDate).toBe('2025-06-30');
  });
});

describe('validateDecision: police assistance under 43 § LVU', () => {
  it.each<[string, Partial<DecisionInput>, Partial<DecisionContext>, DecisionErrorCode[]]>([
    ['valid, placement under LVU', {}, { subjectPlacement: 'lvu' }, []],
    ['valid, placement unknown', {}, { subjectPlacement: null }, []],
    ['valid, no placement information', {}, {}, []],
    ['no linked decision', { linkedDecision: null }, {}, ['lvu_basis_missing']],
    ['linked decision left out', { linkedDecision: undefined }, {}, ['lvu_basis_missing']],
    ['linked to an LVM decision', { linkedDecision: { typeCode: 'LVM13', status: 'active', subjectPersonId: CHILD } }, {}, ['lvu_basis_wrong_type']],
    ['linked to an SoL placement', { linkedDecision: { typeCode: 'SOL_PLACERING', status: 'active', subjectPersonId: CHILD } }, {}, ['lvu_basis_wrong_type']],
    ['linked to another police assistance', { linkedDecision: { typeCode: 'LVU43', status: 'active', subjectPersonId: CHILD } }, {}, ['lvu_basis_wrong_type']],
    ['linked LVU decision withdrawn', { linkedDecision: { typeCode: 'LVU6', status: 'withdrawn', subjectPersonId: CHILD } }, {}, ['lvu_basis_not_active']],
    ['linked LVU decision lapsed', { linkedDecision: { typeCode: 'LVU6', status: 'lapsed', subjectPersonId: CHILD } }, {}, ['lvu_basis_not_active']],
    ['linked LVU decision for another child', { linkedDecision: { typeCode: 'LVU6', status: 'active', subjectPersonId: 'child-2' } }, {}, ['lvu_basis_other_person']],
    ['linked LVU decision without a subject', { linkedDecision: { typeCode: 'LVU6', status: 'active', subjectPersonId: null } }, {}, ['lvu_basis_other_person']],
    ['no special circumstances', { specialCircumstances: undefined }, {}, ['special_circumstances_missing']],
    ['empty special circumstances', { specialCircumstances: '' }, {}, ['special_circumstances_missing']],
    ['blank special circumstances', { specialCircumstances: '  \n ' }, {}, ['special_circumstances_missing']],
    ['null special circumstances', { specialCircumstances: null }, {}, ['special_circumstances_missing']],
    ['child placed under SoL', {}, { subjectPlacement: 'sol' }, ['sol_placement']], // the incident in Nordväst's 2017 report
    ['other LVU basis codes configured', { linkedDecision: { typeCode: 'LVU_VARD', status: 'active', subjectPersonId: CHILD } }, { lvuBasisCodes: ['LVU6', 'LVU_VARD'] }, []],
    ['other LVU basis code not configured', { linkedDecision: { typeCode: 'LVU_VARD', status: 'active', subjectPersonId: CHILD } }, {}, ['lvu_basis_wrong_type']],
    [
      'everything wrong',
      { linkedDecision: { typeCode: 'SOL_PLACERING', status: 'withdrawn', subjectPersonId: 'child-2' }, specialCircumstances: '' },
      { subjectPlacement: 'sol' },
      ['sol_placement', 'lvu_basis_wrong_type', 'lvu_basis_not_active', 'lvu_basis_other_person', 'special_circumstances_missing'],
    ],
    ['nothing given', { linkedDecision: null, specialCircumstances: null }, { subjectPlacement: 'sol' }, ['sol_placement', 'lvu_basis_missing', 'special_circumstances_missing']],
  ])('%s → %j', (_name, change, context, codes) => {
    expect(codesOf(check('LVU43', change, context))).toEqual(codes);
  });

  it('explains why a child placed under SoL cannot be handräckt', () => {
    const result = check('LVU43', {}, { subjectPlacement: 'sol' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const error = result.errors[0]!;
      expect(error.field).toBe('subjectPlacement');
      expect(error.message).toContain('placerat med stöd av socialtjänstlagen');
      expect(error.message).toContain('kan inte handräckas');
      expect(error.message).toContain('avvikelse');
    }
  });

  it('the handräckning codes are a parameter', () => {
    const type: DecisionTypeConfig = { ...typeOf('LVU43'), code: 'HANDRACKNING' };
    const input: DecisionInput = { ...valid.LVU43!, typeCode: 'HANDRACKNING', linkedDecision: null };
    expect(codesOf(validateDecision(input, { decisionType: type }))).toEqual([]);
    expect(codesOf(validateDecision(input, { decisionType: type, handrackningCodes: ['HANDRACKNING'] }))).toEqual(['lvu_basis_missing']);
  });
});

describe('validateDecision: granted or refused', () => {
  it.each<[boolean | null | undefined, DecisionErrorCode[]]>([
    [true, []],
    [false, []],
    [null, ['granted_missing']],
    [undefined, ['granted_missing']],
  ])('emergency aid granted %j → %j', (granted, codes) => {
    expect(codesOf(check('EKONOMISKT_BISTAND', { granted }))).toEqual(codes);
  });

  it('a type that is not grantable ignores the field', () => {
    expect(codesOf(check('SOL_PLACERING', { granted: null }))).toEqual([]);
  });
});

describe('validateWithdrawal', () => {
  const base: WithdrawalInput = {
    decision: { typeCode: 'LVU43', status: 'active', decidedAt: '2026-05-16T01:10:00+02:00' },
    reason: 'Barnet har återvänt till familjehemmet',
    withdrawnAt: '2026-05-16T03:00:00+02:00',
  };
  it.each<[string, Partial<WithdrawalInput>, { withdrawableCodes?: string[] }, string[]]>([
    ['valid', {}, {}, []],
    ['no reason', { reason: '' }, {}, ['reason']],
    ['blank reason', { reason: '   ' }, {}, ['reason']],
    ['already withdrawn', { decision: { ...base.decision, status: 'withdrawn' } }, {}, ['status']],
    ['lapsed', { decision: { ...base.decision, status: 'lapsed' } }, {}, ['status']],
    ['an LVU 6 § decision', { decision: { ...base.decision, typeCode: 'LVU6' } }, {}, ['typeCode']],
    ['an LVU 6 § decision when configured', { decision: { ...base.decision, typeCode: 'LVU6' } }, { withdrawableCodes: ['LVU43', 'LVU6'] }, []],
    ['before the decision', { withdrawnAt: '2026-05-16T01:00:00+02:00' }, {}, ['withdrawnAt']],
    ['at the decision time', { withdrawnAt: '2026-05-15T23:10:00Z' }, {}, []],
    ['invalid time', { withdrawnAt: 'nu' }, {}, ['withdrawnAt']],
    ['everything wrong', { decision: { typeCode: 'LVM13', status: 'withdrawn', decidedAt: base.decision.decidedAt }, reason: '' }, {}, ['typeCode', 'status', 'reason']],
  ])('%s → %j', (_name, change, options, fields) => {
    const result = validateWithdrawal({ ...base, ...change }, options);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(fields);
  });

  it('returns the trimmed reason', () => {
    expect(validateWithdrawal({ ...base, reason: '  Barnet är återfunnet ' })).toEqual({ ok: true, reason: 'Barnet är återfunnet' });
  });
});

describe('decisionsLosingBasis', () => {
  const decisions = [
    { id: 'lvu6', typeCode: 'LVU6', status: 'withdrawn' as const, linkedDecisionId: null },
    { id: 'h1', typeCode: 'LVU43', status: 'active' as const, linkedDecisionId: 'lvu6' },
    { id: 'h2', typeCode: 'LVU43', status: 'withdrawn' as const, linkedDecisionId: 'lvu6' },
    { id: 'h3', typeCode: 'LVU43', status: 'active' as const, linkedDecisionId: 'other' },
    { id: 'x', typeCode: 'EKONOMISKT_BISTAND', status: 'active' as const, linkedDecisionId: 'lvu6' },
  ];
  it.each([
    ['lvu6', ['h1']],
    ['other', ['h3']],
    ['none', []],
  ])('basis %s → %j', (basis, ids) => expect(decisionsLosingBasis(basis, decisions)).toEqual(ids));
});
