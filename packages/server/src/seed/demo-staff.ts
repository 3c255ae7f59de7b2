// Demo staffing for Socialjouren Nordost: five social workers on 4.0 FTE (with the unit
// manager's 0.4, the unit's 4.4 FTE), three hourly substitutes, a published 12-week roster
// that is running now (a rotation HiGHS produced for these five, laid on the current weeks),
// absences and wishes for the next rotation, and last night's long call-out.
import { addDays, isoWeekday, localDateOf, zonedDateTime } from '@jourbok/domain';
import type { Ctx } from '../app/context.ts';

/** One line per person, one character per day from a Monday: O open shift, B open shift and standby after it, . off. */
const ROTATION = [
  'BOBBO.OOOO.BO...OB...O.OO.OBO.BB..OBOOO.O..BO..OBO....OOB..BBOBO.B....OBBB..B.OB.O..',
  '.B...O..BBOOBOBO.OO.O...OB..BB..O...BOBOBOO..O.B.BO.BOB.O...OBOOB.OB....O.O..OB.BBOO',
  'O..O..BBO.B...OB.OBO..O.BO.O.OOO.O...B.B.BBO.B....BO.O.B.O.O..........BO..BOOB..O..B',
  'O.OO.B.......BO.B...BB.B..B.O.O..B.O..O...O.B.O.O..BOB..O.O.O..B..B.BBOOOO.....OO.B.',
  '.OO.B..............B..B......O.OB.B.O.........B.....O....BBO....OO.OOO.....B...O....',
];

const REGULAR = [
  { name: 'Jonas Nyberg', username: 'jonas.nyberg', rate: 100, municipality: '0160', qualifications: ['Socionom', 'Barn och unga', 'Körkort'] },
  { name: 'Maria Sandberg', username: 'maria.sandberg', rate: 100, municipality: '0117', qualifications: ['Socionom', 'Våld i nära relation', 'Körkort'] },
  { name: 'Ali Hassan', username: 'ali.hassan', rate: 80, municipality: '0188', qualifications: ['Socionom', 'Missbruk', 'Arabiska'] },
  { name: 'Eva Lund', username: 'eva.lund', rate: 75, municipality: '0186', qualifications: ['Socionom', 'Äldre', 'Körkort'] },
  { name: 'Sara Lindqvist', username: 'demo.socialsekreterare', rate: 45, municipality: '0115', qualifications: ['Socionom', 'Barn och unga'] },
];

const SUBSTITUTES = [
  { name: 'Fredrik Öhman', municipality: '0162', untilMidnight: false, phone: '070-123 45 01', weekdays: [1, 3, 4, 5, 6, 7] },
  { name: 'Hanna Wik', municipality: '0187', untilMidnight: true, phone: '070-123 45 02', weekdays: [1, 2, 3, 4] },
  { name: 'Leila Karimi', municipality: '0160', untilMidnight: false, phone: '070-123 45 03', weekdays: [2, 5, 6, 7] },
];

export async function seedDemoStaff(ctx: Ctx, organisationId: string): Promise<void> {
  const today = localDateOf(ctx.now.toISOString(), 'Europe/Stockholm');
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const start = addDays(thisMonday, -28);
  const users = await ctx.trx.selectFrom('app_user').select(['id', 'username']).where('organisation_id', '=', organisationId).execute();
  const userId = new Map(users.map((u) => [u.username, u.id]));

  const regular = await ctx.trx
    .insertInto('staff_member')
    .values(
      REGULAR.map((s) => ({
        organisation_id: organisationId,
        user_id: userId.get(s.username) ?? null,
        name: s.name,
        kind: 'regular' as const,
        employment_rate: s.rate,
        contact_municipality_code: s.municipality,
        qualifications: JSON.stringify(s.qualifications),
        phone: '',
        created_at: ctx.now,
        updated_at: ctx.now,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const substitutes = await ctx.trx
    .insertInto('staff_member')
    .values(
      SUBSTITUTES.map((s) => ({
        organisation_id: organisationId,
        name: s.name,
        kind: 'substitute' as const,
        employment_rate: null,
        contact_municipality_code: s.municipality,
        qualifications: JSON.stringify(['Socionom']),
        phone: s.phone,
        weekday_until_midnight: s.untilMidnight,
        created_at: ctx.now,
        updated_at: ctx.now,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const idOf = (name: string) => [...regular, ...substitutes].find((s) => s.name === name)!.id;

  // Substitutes' availability from the rotation's start until 20 weeks ahead.
  const dates: { staff_id: string; organisation_id: string; date: string; kind: 'available' | 'absence' | 'wish_free' | 'wish_work' }[] = [];
  for (let d = 0; d < 24 * 7; d++) {
    const date = addDays(start, d);
    for (const s of SUBSTITUTES) if (s.weekdays.includes(isoWeekday(date))) dates.push({ staff_id: idOf(s.name), organisation_id: organisationId, date, kind: 'available' });
  }
  // The next rotation: a week's vacation, a study day and two wishes.
  const next = addDays(start, 84);
  for (let d = 14; d < 21; d++) dates.push({ staff_id: idOf('Maria Sandberg'), organisation_id: organisationId, date: addDays(next, d), kind: 'absence' });
  dates.push({ staff_id: idOf('Ali Hassan'), organisation_id: organisationId, date: addDays(next, 30), kind: 'absence' });
  dates.push({ staff_id: idOf('Eva Lund'), organisation_id: organisationId, date: addDays(next, 5), kind: 'wish_free' });
  dates.push({ staff_id: idOf('Sara Lindqvist'), organisation_id: organisationId, date: addDays(next, 12), kind: 'wish_work' });
  await ctx.trx.insertInto('staff_date').values(dates).execute();

  // The rotation running now, published in time.
  const roster = await ctx.trx
    .insertInto('roster')
    .values({
      organisation_id: organisationId,
      start_date: start,
      weeks: 12,
      status: 'published',
      required_per_shift: 2,
      generated_at: new Date(Date.parse(`${addDays(start, -30)}T09:00:00Z`)),
      generated_by_name: 'Lotta Stensö',
      solver_status: 'Demo',
      solver_objective: null,
      solver_seconds: 0,
      problems: '[]',
      published_at: new Date(Date.parse(`${addDays(start, -21)}T09:00:00Z`)),
      published_by_name: 'Lotta Stensö',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const assignments: { roster_id: string; organisation_id: string; staff_id: string; date: string; kind: 'open' | 'standby' }[] = [];
  ROTATION.forEach((line, p) => {
    const staffId = idOf(REGULAR[p]!.name);
    [...line].forEach((mark, d) => {
      const date = addDays(start, d);
      if (mark !== '.') assignments.push({ roster_id: roster.id, organisation_id: organisationId, staff_id: staffId, date, kind: 'open' });
      if (mark === 'B') assignments.push({ roster_id: roster.id, organisation_id: organisationId, staff_id: staffId, date: addDays(date, 1), kind: 'standby' });
    });
  });
  await ctx.trx.insertInto('roster_assignment').values(assignments).execute();

  // Last night's long call-out: the person on standby this morning who works tonight.
  const morning = ctx.now.getTime() > zonedDateTime(today, '07:30', 'Europe/Stockholm').epochMilliseconds ? today : addDays(today, -1);
  const onStandby = assignments.filter((a) => a.date === morning && a.kind === 'standby').map((a) => a.staff_id);
  const worker = onStandby.find((id) => assignments.some((a) => a.staff_id === id && a.date === morning && a.kind === 'open')) ?? onStandby[0];
  if (worker) {
    const at = (time: string) => new Date(zonedDateTime(morning, time, 'Europe/Stockholm').epochMilliseconds);
    await ctx.trx
      .insertInto('standby_callout')
      .values({ organisation_id: organisationId, staff_id: worker, called_at: at('03:10'), started_at: at('03:30'), back_at: at('06:40'), note: 'Polisen: barn omhändertaget i Åkersberga, placerat i jourhem.', recorded_by: null, recorded_by_name: 'Demo', recorded_at: at('06:50') })
      .execute();
  }
}
