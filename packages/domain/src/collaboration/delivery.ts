// Handover report delivery: the morning's delivery to each home municipality,
// the time by which a municipality acknowledges it, and which daily runs are
// due. Pure: the clock and the settings are parameters.
import { Temporal } from 'temporal-polyfill';
import { addDays } from '../calendar/dates.ts';
import { nextLegalWorkingDay } from '../calendar/legal.ts';
import { isClockTime, localDateOf, zonedDateTime } from '../calendar/time.ts';

export interface CollaborationSettings {
  /** HH:MM local: when the night's handover reports are delivered */
  reportDeliveryTime: string;
  /** HH:MM local on a working day: reports not acknowledged by then are raised to the unit manager */
  reportAcknowledgeBy: string;
  /** the unit's own address for those alerts; none: they are only listed */
  unitEmail: string | null;
}

export const defaultCollaborationSettings: CollaborationSettings = {
  reportDeliveryTime: '07:00',
  reportAcknowledgeBy: '12:00',
  unitEmail: null,
};

/** The settings stored with the organisation, with defaults for what is missing or malformed. */
export function collaborationSettingsOf(stored: unknown): CollaborationSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof CollaborationSettings, unknown>>;
  const time = (v: unknown, fallback: string) => (typeof v === 'string' && isClockTime(v) ? v : fallback);
  return {
    reportDeliveryTime: time(s.reportDeliveryTime, defaultCollaborationSettings.reportDeliveryTime),
    reportAcknowledgeBy: time(s.reportAcknowledgeBy, defaultCollaborationSettings.reportAcknowledgeBy),
    unitEmail: typeof s.unitEmail === 'string' && s.unitEmail.includes('@') ? s.unitEmail : null,
  };
}

/**
 * When a report delivered at `deliveredAt` must be acknowledged: at
 * `acknowledgeBy` on the first working day (lag 1930:173: not a weekend,
 * public holiday or Midsummer, Christmas or New Year's Eve) on or after the
 * day of delivery, and after the delivery itself. The municipality takes over
 * on its next working day.
 */
export function acknowledgementDeadline(deliveredAt: string, acknowledgeBy: string, timeZone: string): string {
  const delivered = Temporal.Instant.from(deliveredAt);
  let day = nextLegalWorkingDay(localDateOf(delivered, timeZone));
  for (;;) {
    const at = zonedDateTime(day, acknowledgeBy, timeZone).toInstant();
    if (Temporal.Instant.compare(at, delivered) > 0) return at.toString();
    day = nextLegalWorkingDay(addDays(day, 1));
  }
}

export interface DailyRun {
  /** the local date of the run (its key) */
  date: string;
  /** the instant it was due */
  at: string;
}

/**
 * The runs of a daily job (at `time` local each day) that are due at `now`
 * and have not run: every day after the last run, at most `maxDaysBack` days
 * back, oldest first. Without any earlier run, only the latest due one (a new
 * installation does not deliver days it never saw).
 */
export function dueDailyRuns(input: { now: string; timeZone: string; time: string; lastRunDate: string | null; maxDaysBack: number }): DailyRun[] {
  const now = Temporal.Instant.from(input.now);
  const today = localDateOf(now, input.timeZone);
  const due: DailyRun[] = [];
  for (let back = input.maxDaysBack; back >= 0; back--) {
    const date = addDays(today, -back);
    if (input.lastRunDate !== null && date <= input.lastRunDate) continue;
    const at = zonedDateTime(date, input.time, input.timeZone).toInstant();
    if (Temporal.Instant.compare(at, now) <= 0) due.push({ date, at: at.toString() });
  }
  return input.lastRunDate === null ? due.slice(-1) : due;
}
