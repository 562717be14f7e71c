/** A calendar day, `YYYY-MM-DD`, with no time zone attached. */
export type Day = string;

export const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): value is Day {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, date));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

/** A stored custom date value (`2027-01-05T00:00:00Z` or `2027-01-05`) as its day, else undefined. */
export function storedDay(value: unknown): Day | undefined {
  if (typeof value !== 'string') return undefined;
  const day = value.trim().slice(0, 10);
  return isDay(day) ? day : undefined;
}
