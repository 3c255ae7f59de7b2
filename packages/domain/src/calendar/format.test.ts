import { describe, expect, it } from 'vitest';
import { buildCalendar } from './calendar.ts';
import { formatCalendarText } from './format.ts';
import { nordostCalendar, nordvastCalendar } from './presets.ts';

describe('formatCalendarText', () => {
  it('prints a header and one aligned line per day', () => {
    const text = formatCalendarText(buildCalendar('Socialjouren Nordväst', '2026-05-13', '2026-05-18', nordvastCalendar));
    expect(text.split('\n')).toEqual([
      'Socialjouren Nordväst: 2026-05-13 – 2026-05-18',
      'Datum       Veckodag  Dagtyp            Helgdag                 Beredskap    Öppet',
      '2026-05-13  onsdag    Dag före helgdag                          02:00–08:00  14:00–02:00',
      '2026-05-14  torsdag   Helgdag           Kristi himmelsfärdsdag  02:00–16:00  16:00–02:00',
      '2026-05-15  fredag    Klämdag                                   02:00–08:00  14:00–02:00',
      '2026-05-16  lördag    Helg                                      02:00–16:00  16:00–02:00',
      '2026-05-17  söndag    Helg                                      02:00–16:00  16:00–02:00',
      '2026-05-18  måndag    Vardag                                    02:00–08:00  16:00–02:00',
      '',
    ]);
  });

  it.each([
    ['2026-03-28', /^2026-03-28 +lördag +Helg +02:00–16:00 +16:00–03:00$/m],
    ['2026-03-29', /^2026-03-29 +söndag +Helg +03:00–16:00 +16:00–02:00$/m],
    ['2026-04-03', /^2026-04-03 +fredag +Helgdag +Långfredagen +02:00–16:00 +16:00–02:00$/m],
    ['2026-04-02', /^2026-04-02 +torsdag +Dag före helgdag +02:00–08:00 +15:00–02:00$/m],
    ['2026-03-31', /^2026-03-31 +tisdag +Vardag +02:00–08:00 +16:30–02:00$/m],
  ])('shows %s with local wall-clock times', (_date, line) => {
    const text = formatCalendarText(buildCalendar('Socialjouren Nordost', '2026-03-27', '2026-04-07', nordostCalendar));
    expect(text).toMatch(line);
    expect(text.split('\n')[0]).toBe('Socialjouren Nordost: 2026-03-27 – 2026-04-07');
  });
});
