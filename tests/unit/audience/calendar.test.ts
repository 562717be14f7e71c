/**
 * Days on the account's calendar (AccountCalendar): "renews in the next 30 days" counts days in
 * the account's time zone, whoever is looking, and the start of a day is right across daylight
 * saving changes. Checked against Intl and against instants written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountCalendar, isDay, storedDay, usableTimeZone } from '../../../src/domain/time/account-calendar.ts';
import { dayIn, plusDays } from '../../support/account-truth.ts';

const newYork = new AccountCalendar('America/New_York');
const seoul = new AccountCalendar('Asia/Seoul');
const HOUR = 3_600_000;

describe('the account’s day, not the viewer’s', () => {
  it('is a different day in New York and Seoul at the same instant', () => {
    const instant = Date.parse('2026-11-23T20:00:00Z'); // 15:00 in New York, 05:00 next day in Seoul
    expect(newYork.dayOf(instant)).toBe('2026-11-23');
    expect(seoul.dayOf(instant)).toBe('2026-11-24');
    const morning = Date.parse('2026-11-23T09:00:00Z'); // 04:00 in New York, 18:00 in Seoul
    expect(newYork.dayOf(morning)).toBe('2026-11-23');
    expect(seoul.dayOf(morning)).toBe('2026-11-23');
  });

  it('agrees with Intl for any instant, in zones on both sides of UTC', () => {
    const zones = ['America/New_York', 'Asia/Seoul', 'Pacific/Auckland', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, at) => {
          expect(new AccountCalendar(zone).dayOf(at)).toBe(dayIn(zone, at));
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('the start of a day across daylight saving time (New York)', () => {
  it('starts the day clocks go forward at midnight EST, and that day lasts 23 hours', () => {
    expect(new Date(newYork.startOf('2026-03-08')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(newYork.startOf('2026-03-09')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(newYork.startOf('2026-03-09') - newYork.startOf('2026-03-08')).toBe(23 * HOUR);
    expect(newYork.startOfAsIso('2026-03-08')).toBe('2026-03-08T00:00:00-05:00');
    expect(newYork.startOfAsIso('2026-03-09')).toBe('2026-03-09T00:00:00-04:00');
  });

  it('starts the day clocks go back at midnight EDT, and that day lasts 25 hours', () => {
    expect(new Date(newYork.startOf('2026-11-01')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(newYork.startOf('2026-11-02') - newYork.startOf('2026-11-01')).toBe(25 * HOUR);
    expect(newYork.startOfAsIso('2026-11-02')).toBe('2026-11-02T00:00:00-05:00');
  });

  it('starts a day whose midnight is skipped at the first instant it has (Havana, Santiago)', () => {
    // Havana 2026-03-08 and Santiago 2026-09-06: clocks go from 00:00 straight to 01:00.
    expect(new Date(new AccountCalendar('America/Havana').startOf('2026-03-08')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(new AccountCalendar('America/Santiago').startOf('2026-09-06')).toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('has no daylight saving in Seoul: every day is 24 hours from 00:00+09:00', () => {
    expect(seoul.startOfAsIso('2026-03-08')).toBe('2026-03-08T00:00:00+09:00');
    expect(seoul.startOf('2026-03-09') - seoul.startOf('2026-03-08')).toBe(24 * HOUR);
  });

  it('the start of a day is on that day, and the instant before it on the day before', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Seoul',
      // Clocks go forward at midnight here: the day starts at 01:00.
      'America/Santiago',
      'America/Havana',
    ];
    // Every day of three years, in each zone (DST days included, whatever their date).
    for (const zone of zones) {
      const calendar = new AccountCalendar(zone);
      for (let offset = 0; offset < 3 * 365; offset++) {
        const day = plusDays('2025-01-01', offset);
        const start = calendar.startOf(day);
        expect(dayIn(zone, start), `${zone} ${day}`).toBe(day);
        expect(dayIn(zone, start - 1), `${zone} before ${day}`).toBe(plusDays(day, -1));
      }
    }
  });
});

describe('moving by days', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-31', -31, '2026-02-28'],
    ['2026-03-07', 2, '2026-03-09'],
    ['2026-11-23', 30, '2026-12-23'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', 400, '2027-12-28'],
  ])('%s moved by %i days is %s', (day, days, expected) => {
    expect(newYork.shift(day, days)).toBe(expected);
    expect(seoul.shift(day, days)).toBe(expected);
  });
});

describe('a time zone the app cannot use', () => {
  it('falls back to UTC, so the audience still loads', () => {
    expect(usableTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(usableTimeZone('')).toBe('UTC');
    expect(usableTimeZone(null)).toBe('UTC');
    expect(usableTimeZone(undefined)).toBe('UTC');
    expect(usableTimeZone('Asia/Seoul')).toBe('Asia/Seoul');
    const calendar = new AccountCalendar('Eastern Time (US & Canada)');
    expect(calendar.timeZone).toBe('UTC');
    expect(calendar.dayOf(Date.parse('2026-11-23T23:30:00Z'))).toBe('2026-11-23');
  });
});

describe('stored custom date values', () => {
  it.each([
    ['2027-01-05T00:00:00Z', '2027-01-05'],
    ['2027-01-05', '2027-01-05'],
    [' 2027-01-05 ', '2027-01-05'],
    ['2028-02-29T00:00:00Z', '2028-02-29'],
  ])('%j is the day %s', (value, day) => {
    expect(storedDay(value)).toBe(day);
  });

  it.each([['2027-02-30T00:00:00Z'], ['2027-13-01'], ['05/01/2027'], ['soon'], [''], [null], [20270105], [true]])(
    '%j is no day',
    (value) => {
      expect(storedDay(value)).toBeUndefined();
    },
  );

  it('isDay accepts only real calendar days', () => {
    expect(isDay('2026-11-23')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2026-11-23T00:00:00Z')).toBe(false);
  });
});
