// Whether the unit is open, on standby or closed at a given instant.
import { Temporal } from 'temporal-polyfill';
import { dayWindows, type ZonedWindow } from './calendar.ts';
import { validateCalendarConfig, type CalendarConfig } from './config.ts';
import { addDays } from './dates.ts';
import { formatRfc3339, localDateOf, startOfDay, toInstant } from './time.ts';

export type UnitStatus = 'open' | 'standby' | 'closed';

export interface UnitStatusReport {
  status: UnitStatus;
  /** RFC 3339 local time when the current status began */
  since: string;
  /** RFC 3339 local time when it changes next */
  until: string;
  /** the status from `until` */
  next: UnitStatus;
}

interface Span {
  from: bigint;
  to: bigint;
}

const toSpan = (window: ZonedWindow): Span => ({
  from: window.from.epochNanoseconds,
  to: window.to.epochNanoseconds,
});
const contains = (span: Span, at: bigint) => span.from <= at && at < span.to;

/** Status at `at`: an open window wins over standby (they may overlap, e.g. a Friday holiday), else closed. */
function statusAt(at: bigint, open: Span[], standby: Span[]): UnitStatus {
  if (open.some((span) => contains(span, at))) return 'open';
  if (standby.some((span) => contains(span, at))) return 'standby';
  return 'closed';
}

/** Search radii in days around the local date; any sane configuration changes status within two days. */
const RADII = [2, 7, 31];

/**
 * The unit's status at `instant`, with when it began and when it changes.
 * Windows of the surrounding dates are combined, so windows that cross
 * midnight and DST nights are handled; between standby end and open start the
 * unit is closed.
 */
export function unitStatusAt(instant: Temporal.Instant | string, config: CalendarConfig): UnitStatusReport {
  validateCalendarConfig(config);
  const moment = toInstant(instant);
  const at = moment.epochNanoseconds;
  const today = localDateOf(moment, config.timeZone);
  const format = (ns: bigint) =>
    formatRfc3339(Temporal.Instant.fromEpochNanoseconds(ns).toZonedDateTimeISO(config.timeZone));

  for (const radius of RADII) {
    const first = addDays(today, -radius);
    const windows = Array.from({ length: 2 * radius + 1 }, (_, i) => dayWindows(addDays(first, i), config));
    const open = windows.map((day) => toSpan(day.open));
    const standby = windows.map((day) => toSpan(day.standby));
    // A date's windows lie within that date and the next, so statuses are exact inside [low, high).
    const low = startOfDay(addDays(first, 1), config.timeZone).epochNanoseconds;
    const high = startOfDay(addDays(today, radius + 1), config.timeZone).epochNanoseconds;

    const status = statusAt(at, open, standby);
    const boundaries = [...new Set([...open, ...standby].flatMap((span) => [span.from, span.to]))]
      .filter((ns) => ns > low && ns < high)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

    const since = boundaries.findLast((ns) => ns <= at && statusAt(ns - 1n, open, standby) !== status);
    const until = boundaries.find((ns) => ns > at && statusAt(ns, open, standby) !== status);
    if (since !== undefined && until !== undefined) {
      return { status, since: format(since), until: format(until), next: statusAt(until, open, standby) };
    }
  }
  throw new RangeError(`The unit status does not change within ${RADII.at(-1)} days; check the calendar configuration`);
}
