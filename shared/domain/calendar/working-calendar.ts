import { bankHolidays, type BankHolidayList } from './bank-holidays.js';
import { CalendarRangeError } from './calendar-errors.js';
import type { Jurisdiction } from './jurisdiction.js';

/** Every date in Redress is a calendar date in this zone (../shared/conventions/deadlines.md). */
export const LONDON = 'Europe/London';

const DAY_MS = 86_400_000;

/**
 * Working days for one policy: Monday to Friday, less its jurisdiction's bank holidays (substitute days
 * included) and the policy's own closure days. Dates are ISO strings (YYYY-MM-DD) at the edges and whole
 * days since 1970-01-01 inside, so that counting is integer arithmetic and clock changes cannot shift a day.
 */
export class WorkingCalendar {
  private readonly holidays: BankHolidayList;
  private readonly closed: ReadonlySet<number>;
  private readonly firstDay: number;
  private readonly lastDay: number;

  constructor(
    readonly jurisdiction: Jurisdiction,
    closureDays: readonly string[] = [],
  ) {
    this.holidays = bankHolidays(jurisdiction);
    this.closed = new Set([...this.holidays.days.keys(), ...closureDays].map(toDayNumber));
    this.firstDay = Date.UTC(this.holidays.firstYear, 0, 1) / DAY_MS;
    this.lastDay = Date.UTC(this.holidays.lastYear, 11, 31) / DAY_MS;
  }

  /** The first day the bank-holiday list covers (YYYY-MM-DD): no deadline can be counted from a day before it. */
  get firstDate(): string {
    return `${this.holidays.firstYear}-01-01`;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** Why a date is not a working day, for people reading a plan; undefined when it is one. */
  closedBecause(date: string): string | undefined {
    const day = toDayNumber(date);
    if (this.isWorkingDayNumber(day)) return undefined;
    if (isWeekend(day)) return 'weekend';
    return this.holidays.days.get(date) ?? 'closure day';
  }

  /** The first working day on or after a date: day 0 of a working-day count. */
  firstWorkingDayFrom(date: string): string {
    return toIsoDate(this.firstWorkingDayNumber(toDayNumber(date)));
  }

  /** "Within N working days" of an event on `eventDate`: the Nth working day after day 0. */
  addWorkingDays(eventDate: string, n: number): string {
    let day = this.firstWorkingDayNumber(toDayNumber(eventDate));
    for (let counted = 0; counted < n; ) {
      day++;
      if (this.isWorkingDayNumber(day)) counted++;
    }
    return toIsoDate(day);
  }

  /** The working day N working days before `date` (which need not be one itself). */
  workingDaysBefore(date: string, n: number): string {
    let day = toDayNumber(date);
    for (let counted = 0; counted < n; ) {
      day--;
      if (this.isWorkingDayNumber(day)) counted++;
    }
    return toIsoDate(day);
  }

  /**
   * Working days from one date to another: those after `from` up to and including `to`, negative when `to` is
   * earlier. Due Wednesday, seen on Monday: 2 left; due Friday, seen the Monday after: 1 overdue.
   */
  workingDaysFrom(from: string, to: string): number {
    const [a, b] = [toDayNumber(from), toDayNumber(to)];
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (this.isWorkingDayNumber(day)) count++;
    return sign * count;
  }

  private firstWorkingDayNumber(day: number): number {
    let d = day;
    while (!this.isWorkingDayNumber(d)) d++;
    return d;
  }

  private isWorkingDayNumber(day: number): boolean {
    if (day < this.firstDay || day > this.lastDay) {
      throw new CalendarRangeError(toIsoDate(day), this.holidays.firstYear, this.holidays.lastYear);
    }
    return !isWeekend(day) && !this.closed.has(day);
  }
}

function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function toIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday, so day 2 was a Saturday and day 3 a Sunday. */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}
