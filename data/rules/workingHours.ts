/**
 * The helpdesk's working-hours calendar: Monday to Friday, 09:00–17:00 London time, except bank holidays
 * (source 001). Every service-level clock counts only these hours.
 */
import { ValidationError } from '../errors.js';
import type { BankHoliday } from '../model.js';
import { isCalendarDate } from './bankHolidays.js';
import { fromLondonWallClock, londonParts } from './londonTime.js';

export interface WorkingCalendarOptions {
  /** Bank holidays, as feed events or as yyyy-mm-dd dates. */
  holidays: readonly BankHoliday[] | readonly string[];
  /** London hour the helpdesk opens, 0–23 (default 9). */
  startHour?: number;
  /** London hour the helpdesk closes, 1–24 and after startHour (default 17). The closing time itself is not working time. */
  endHour?: number;
}

export interface WorkingCalendar {
  /** True from opening (inclusive) to closing (exclusive) on a working day. */
  isWorkingTime(instant: Date): boolean;
  /**
   * The instant `hours` working hours after `instant` (fractional hours are fine, rounded to the millisecond).
   * Counting starts at the next opening when `instant` is outside working time, so adding 0 gives nextWorkingTime.
   * A result that falls exactly at a day's end is that day's closing time (17:00), not the next opening:
   * "8 working hours from 09:00" reads as the end of the same day.
   */
  addWorkingHours(instant: Date, hours: number): Date;
  /** Working hours from `from` to `to`. When `to` is not after `from` the answer is 0: elapsed time is never negative. */
  workingHoursBetween(from: Date, to: Date): number;
  /** `instant` itself when it is working time, otherwise the next opening. */
  nextWorkingTime(instant: Date): Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface DayWindow {
  open: number;
  close: number;
}

/** A London calendar day as a whole number of days since 1970-01-01, so stepping a day is `+ 1`. */
type DayNumber = number;

function dayNumberOf(time: number): DayNumber {
  const p = londonParts(new Date(time));
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

function civilDate(day: DayNumber): Date {
  return new Date(day * DAY_MS);
}

function holidayDates(holidays: readonly BankHoliday[] | readonly string[]): Set<string> {
  if (!Array.isArray(holidays)) throw new ValidationError('The working-hours calendar needs a list of bank holidays.');
  const dates = new Set<string>();
  const bad: string[] = [];
  for (const holiday of holidays as readonly unknown[]) {
    const date = typeof holiday === 'string' ? holiday : (holiday as Partial<BankHoliday> | null)?.date;
    if (typeof date === 'string' && isCalendarDate(date)) dates.add(date);
    else bad.push(String(date ?? holiday));
  }
  if (bad.length > 0) {
    throw new ValidationError(`Some bank holiday dates are not real days written as yyyy-mm-dd: ${bad.slice(0, 5).join(', ')}.`, { bad });
  }
  return dates;
}

function checkHours(startHour: number, endHour: number): void {
  const ok = Number.isInteger(startHour) && Number.isInteger(endHour) && startHour >= 0 && endHour <= 24 && startHour < endHour;
  if (!ok) {
    throw new ValidationError(
      `Working hours must be whole hours with opening before closing, within one day (got ${startHour} to ${endHour}).`,
      {
        startHour,
        endHour,
      },
    );
  }
}

function checkInstant(instant: Date, name: string): number {
  const time = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(time)) throw new RangeError(`${name} must be a valid Date.`);
  return time;
}

/** Builds the helpdesk calendar from bank holidays; service levels and reminders count time in it. */
export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const { startHour = 9, endHour = 17 } = options;
  checkHours(startHour, endHour);
  const holidays = holidayDates(options.holidays);
  // Windows are computed from the wall clock each day, so a day's length is real elapsed time even across a clock change.
  // One entry per day ever asked about: a few hundred a year.
  const windows = new Map<DayNumber, DayWindow>();

  function isWorkingDay(day: DayNumber): boolean {
    const date = civilDate(day);
    const weekday = date.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.has(date.toISOString().slice(0, 10));
  }

  function windowOf(day: DayNumber): DayWindow {
    let window = windows.get(day);
    if (!window) {
      const date = civilDate(day);
      const open = fromLondonWallClock(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), startHour, 0).getTime();
      const closeDate = endHour === 24 ? civilDate(day + 1) : date;
      const close = fromLondonWallClock(
        closeDate.getUTCFullYear(),
        closeDate.getUTCMonth() + 1,
        closeDate.getUTCDate(),
        endHour % 24,
        0,
      ).getTime();
      window = { open, close };
      windows.set(day, window);
    }
    return window;
  }

  function firstWorkingDayFrom(day: DayNumber): DayNumber {
    // Ends: the holiday list is finite, so some weekday ahead is not a holiday.
    while (!isWorkingDay(day)) day += 1;
    return day;
  }

  /** The earliest working moment at or after `time`, and the London day it falls on. */
  function nextWorking(time: number): { time: number; day: DayNumber } {
    const today = dayNumberOf(time);
    if (isWorkingDay(today)) {
      const { open, close } = windowOf(today);
      if (time < open) return { time: open, day: today };
      if (time < close) return { time, day: today };
    }
    const day = firstWorkingDayFrom(today + 1);
    return { time: windowOf(day).open, day };
  }

  return {
    isWorkingTime(instant) {
      const time = checkInstant(instant, 'instant');
      const day = dayNumberOf(time);
      if (!isWorkingDay(day)) return false;
      const { open, close } = windowOf(day);
      return time >= open && time < close;
    },

    nextWorkingTime(instant) {
      return new Date(nextWorking(checkInstant(instant, 'instant')).time);
    },

    addWorkingHours(instant, hours) {
      const start = checkInstant(instant, 'instant');
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
        throw new RangeError(`Working hours to add must be a finite number of hours, 0 or more (got ${hours}).`);
      }
      let remaining = Math.round(hours * HOUR_MS);
      let { time, day } = nextWorking(start);
      for (;;) {
        const available = windowOf(day).close - time;
        if (remaining <= available) return new Date(time + remaining);
        remaining -= available;
        day = firstWorkingDayFrom(day + 1);
        time = windowOf(day).open;
      }
    },

    workingHoursBetween(from, to) {
      const start = checkInstant(from, 'from');
      const end = checkInstant(to, 'to');
      if (end <= start) return 0;
      let total = 0;
      const lastDay = dayNumberOf(end);
      for (let day = dayNumberOf(start); day <= lastDay; day += 1) {
        if (!isWorkingDay(day)) continue;
        const { open, close } = windowOf(day);
        const overlap = Math.min(close, end) - Math.max(open, start);
        if (overlap > 0) total += overlap;
      }
      return total / HOUR_MS;
    },
  };
}
