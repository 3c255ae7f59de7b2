import { describe, expect, it } from 'vitest';
import { computeDeadline, decisionDeadlines, defaultReportDeadlineRules, reportDeadlines, type DeadlineRule } from './deadlines.ts';

const ZONE = 'Europe/Stockholm';

describe('decisionDeadlines: LVU 6 § → submission within one week (same weekday next week)', () => {
  it.each([
    // decided at, nominal (target), moved (information)
    ['2026-05-13T10:00:00+02:00', '2026-05-20', '2026-05-20'], // Wednesday → Wednesday
    ['2026-05-18T09:00:00+02:00', '2026-05-25', '2026-05-25'],
    ['2026-05-07T18:00:00+02:00', '2026-05-14', '2026-05-15'], // → Kristi himmelsfärdsdag
    ['2026-05-15T21:30:00Z', '2026-05-22', '2026-05-22'], // Friday 23:30 local
    ['2026-05-15T22:30:00Z', '2026-05-23', '2026-05-25'], // 00:30 Saturday local belongs to Saturday
    ['2026-01-15T23:30:00Z', '2026-01-23', '2026-01-23'], // 23:30 UTC is 00:30 Friday local
    ['2026-12-31T23:30:00Z', '2027-01-08', '2027-01-08'], // 00:30 on New Year's Day local
    // DST, spring: the night of 28–29 March 2026
    ['2026-03-27T23:30:00Z', '2026-04-04', '2026-04-07'], // 00:30 Saturday (+01:00) → Påskafton → after Easter Monday
    ['2026-03-28T23:30:00Z', '2026-04-05', '2026-04-07'], // 00:30 Sunday, before the change
    ['2026-03-29T01:30:00Z', '2026-04-05', '2026-04-07'], // 03:30 Sunday, after the change (+02:00)
    // DST, autumn: the night of 24–25 October 2026
    ['2026-10-23T22:30:00Z', '2026-10-31', '2026-11-02'], // 00:30 Saturday (+02:00) → Alla helgons dag
    ['2026-10-24T22:30:00Z', '2026-11-01', '2026-11-02'], // 00:30 Sunday, before the change
    ['2026-10-25T00:30:00Z', '2026-11-01', '2026-11-02'], // 02:30 the first time (+02:00)
    ['2026-10-25T01:30:00Z', '2026-11-01', '2026-11-02'], // 02:30 the second time (+01:00)
    // Easter 2026
    ['2026-03-27T14:00:00+01:00', '2026-04-03', '2026-04-07'], // → Långfredagen
    ['2026-03-30T14:00:00+02:00', '2026-04-06', '2026-04-07'], // → Annandag påsk
    ['2026-03-26T14:00:00+01:00', '2026-04-02', '2026-04-02'], // Skärtorsdagen is a working day
    // Midsummer 2026
    ['2026-06-12T20:00:00+02:00', '2026-06-19', '2026-06-22'], // → Midsommarafton
    ['2026-06-13T20:00:00+02:00', '2026-06-20', '2026-06-22'], // → Midsommardagen
    // Christmas and New Year 2026/27
    ['2026-12-17T20:00:00+01:00', '2026-12-24', '2026-12-28'], // → Julafton
    ['2026-12-18T20:00:00+01:00', '2026-12-25', '2026-12-28'], // → Juldagen
    ['2026-12-24T20:00:00+01:00', '2026-12-31', '2027-01-04'], // → Nyårsafton, then Nyårsdagen and a weekend
    ['2026-12-30T20:00:00+01:00', '2027-01-06', '2027-01-07'], // → Trettondedag jul
    ['2026-12-31T20:00:00+01:00', '2027-01-07', '2027-01-07'],
  ])('decided %s → nominal %s, moved %s', (decidedAt, nominalDate, movedDate) => {
    const deadlines = decisionDeadlines('LVU6', decidedAt, ZONE);
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]).toMatchObject({
      kind: 'court_submission',
      label: 'Underställning till förvaltningsrätten',
      from: 'decision',
      nominalDate,
      movedDate,
      isMoved: nominalDate !== movedDate,
      legalReference: '7 § lagen (1990:52) med särskilda bestämmelser om vård av unga',
    });
  });
});

describe('decisionDeadlines: LVM 13 § → submission the next day', () => {
  it.each([
    ['2026-05-18T22:00:00+02:00', '2026-05-19', '2026-05-19'], // Monday → Tuesday
    ['2026-05-13T22:00:00+02:00', '2026-05-14', '2026-05-15'], // → Kristi himmelsfärdsdag
    ['2026-05-15T22:00:00+02:00', '2026-05-16', '2026-05-18'], // Friday → Saturday
    ['2026-05-15T22:30:00Z', '2026-05-17', '2026-05-18'], // 00:30 Saturday local → Sunday
    ['2026-03-28T23:30:00Z', '2026-03-30', '2026-03-30'], // 00:30 Sunday local, spring-forward night
    ['2026-10-23T22:30:00Z', '2026-10-25', '2026-10-26'], // 00:30 Saturday local, before fall-back
    ['2026-01-15T23:30:00Z', '2026-01-17', '2026-01-19'], // 00:30 Friday local → Saturday
    ['2026-04-02T20:00:00+02:00', '2026-04-03', '2026-04-07'], // → Långfredagen
    ['2026-06-18T20:00:00+02:00', '2026-06-19', '2026-06-22'], // → Midsommarafton
    ['2026-12-23T20:00:00+01:00', '2026-12-24', '2026-12-28'], // → Julafton
    ['2026-12-30T20:00:00+01:00', '2026-12-31', '2027-01-04'], // → Nyårsafton
    ['2027-01-05T20:00:00+01:00', '2027-01-06', '2027-01-07'], // → Trettondedag jul
  ])('decided %s → nominal %s, moved %s', (decidedAt, nominalDate, movedDate) => {
    expect(decisionDeadlines('LVM13', decidedAt, ZONE)).toEqual([
      {
        kind: 'court_submission',
        label: 'Underställning till förvaltningsrätten',
        from: 'decision',
        startDate: expect.any(String),
        nominalDate,
        movedDate,
        isMoved: nominalDate !== movedDate,
        legalReference: '15 § lagen (1988:870) om vård av missbrukare i vissa fall',
        note: expect.any(String),
      },
    ]);
  });
});

describe('decisionDeadlines: other cases', () => {
  it.each(['LVU43', 'EKONOMISKT_BISTAND', 'SOL_PLACERING', 'UNKNOWN'])('%s has no deadlines', (code) => {
    expect(decisionDeadlines(code, '2026-05-15T12:00:00+02:00', ZONE)).toEqual([]);
  });

  it('counts the care application (LVU 8 §) from the execution when it is known', () => {
    const deadlines = decisionDeadlines('LVU6', '2026-05-15T23:00:00+02:00', ZONE, { executedAt: '2026-05-16T01:30:00+02:00' });
    expect(deadlines.map((d) => [d.kind, d.startDate, d.nominalDate, d.movedDate])).toEqual([
      ['court_submission', '2026-05-15', '2026-05-22', '2026-05-22'],
      ['care_application', '2026-05-16', '2026-06-13', '2026-06-15'], // four weeks → a Saturday
    ]);
    expect(deadlines[1]!.legalReference).toBe('8 § lagen (1990:52) med särskilda bestämmelser om vård av unga');
  });

  it('takes the rule table as data', () => {
    const rules: Record<string, DeadlineRule[]> = {
      SKYDDAT_BOENDE: [
        {
          kind: 'court_submission',
          label: 'Underställning av omedelbar åtgärd',
          from: 'decision',
          offset: { days: 3 },
          legalBases: [{ reference: 'Lag (2024:79)', validFrom: '2024-07-01', validTo: null }],
          note: null,
        },
      ],
    };
    expect(decisionDeadlines('SKYDDAT_BOENDE', '2026-12-21T20:00:00+01:00', ZONE, { rules })).toMatchObject([
      { nominalDate: '2026-12-24', movedDate: '2026-12-28', legalReference: 'Lag (2024:79)' },
    ]);
    expect(decisionDeadlines('LVU6', '2026-12-21T20:00:00+01:00', ZONE, { rules })).toEqual([]);
  });

  it('leaves the reference empty when none is in force on the start date', () => {
    const rule: DeadlineRule = {
      kind: 'court_submission',
      label: 'X',
      from: 'decision',
      offset: { weeks: 1 },
      legalBases: [{ reference: 'Ny lag', validFrom: '2027-01-01', validTo: null }],
      note: null,
    };
    expect(computeDeadline(rule, '2026-12-31').legalReference).toBe('');
    expect(computeDeadline(rule, '2027-01-01').legalReference).toBe('Ny lag');
  });

  it('rejects an instant without an offset', () => {
    expect(() => decisionDeadlines('LVU6', '2026-05-15T12:00:00', ZONE)).toThrow(RangeError);
  });
});

describe('reportDeadlines: a child report of concern', () => {
  it.each([
    // received at, pre-assessment nominal, moved, investigation nominal, moved
    ['2026-05-15T20:00:00Z', '2026-05-29', '2026-05-29', '2026-09-15', '2026-09-15'], // 22:00 Friday local
    ['2026-01-15T23:30:00Z', '2026-01-30', '2026-01-30', '2026-05-16', '2026-05-18'], // 00:30 Friday local
    ['2026-12-10T12:00:00+01:00', '2026-12-24', '2026-12-28', '2027-04-10', '2027-04-12'], // → Julafton
    ['2026-10-31T12:00:00+01:00', '2026-11-14', '2026-11-16', '2027-02-28', '2027-03-01'], // 31 Oct + 4 months = 28 Feb
    ['2026-06-05T10:00:00+02:00', '2026-06-19', '2026-06-22', '2026-10-05', '2026-10-05'], // → Midsommarafton
    ['2026-03-28T23:30:00Z', '2026-04-12', '2026-04-13', '2026-07-29', '2026-07-29'], // 00:30 Sunday local, DST night
  ])('received %s → pre-assessment %s (%s), investigation %s (%s)', (receivedAt, pre, preMoved, inv, invMoved) => {
    const [preAssessment, investigation] = reportDeadlines(receivedAt, ZONE);
    expect(preAssessment).toMatchObject({ kind: 'pre_assessment', from: 'report', nominalDate: pre, movedDate: preMoved });
    expect(investigation).toMatchObject({ kind: 'investigation', from: 'report', nominalDate: inv, movedDate: invMoved });
  });

  it.each([
    ['2025-06-30T23:30:00+02:00', '11 kap. 1 a § socialtjänstlagen (2001:453)', '11 kap. 2 § socialtjänstlagen (2001:453)'],
    ['2025-06-30T22:30:00Z', 'Socialtjänstlagen (2025:400) [verifiera paragraf]', 'Socialtjänstlagen (2025:400) [verifiera paragraf]'], // 00:30 on 1 July local
  ])('received %s → the law in force on the local date', (receivedAt, preRef, invRef) => {
    expect(reportDeadlines(receivedAt, ZONE).map((d) => d.legalReference)).toEqual([preRef, invRef]);
  });

  it('takes other rules', () => {
    const rules = defaultReportDeadlineRules.filter((r) => r.kind === 'pre_assessment');
    expect(reportDeadlines('2026-05-15T12:00:00+02:00', ZONE, rules)).toHaveLength(1);
  });
});
