import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

/**
 * Calendar days as the account sees them. "Renews in the next 30 days" means days on the
 * account's calendar (Admin Center > Account > Localization), not the browser's: an agent in
 * Seoul working for a New York account must get the same audience as a colleague in New York.
 *
 * Custom date fields hold a calendar day (Zendesk stores `YYYY-MM-DDT00:00:00Z`), so they are
 * compared as `YYYY-MM-DD` text; timestamps such as `created_at` are instants, compared with the
 * instant a day starts in the account's time zone.
 */
import { DAY_PATTERN, isDay, storedDay, type Day } from './day.ts';

export { isDay, storedDay, type Day };

/** A time zone the browser knows, else UTC: an account setting we cannot read must not break the audience. */
export function usableTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export class AccountCalendar {
  readonly timeZone: string;

  constructor(timeZone: string | null | undefined) {
    this.timeZone = usableTimeZone(timeZone);
  }

  /** The account's calendar day at `instant` (ms since the epoch). */
  dayOf(instant: number): Day {
    return format(new TZDate(instant, this.timeZone), 'yyyy-MM-dd');
  }

  /** `day` moved by `days` calendar days (negative goes back). */
  shift(day: Day, days: number): Day {
    const [year, month, date] = splitDay(day);
    return format(addDays(new Date(Date.UTC(year, month - 1, date, 12)), days), 'yyyy-MM-dd');
  }

  /** The instant `day` starts in the account's time zone (DST-aware). */
  startOf(day: Day): number {
    const [year, month, date] = splitDay(day);
    return new TZDate(year, month - 1, date, this.timeZone).getTime();
  }

  /** `2026-11-02T00:00:00-05:00`: the start of `day` with the account's offset, the form Zendesk search reads. */
  startOfAsIso(day: Day): string {
    const start = new TZDate(this.startOf(day), this.timeZone);
    return format(start, "yyyy-MM-dd'T'HH:mm:ssxxx");
  }
}

function splitDay(day: Day): [number, number, number] {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
