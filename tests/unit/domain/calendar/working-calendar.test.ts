import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarRangeError } from '#domain/calendar/calendar-errors';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { JURISDICTIONS } from '#domain/calendar/jurisdiction';

const england = new WorkingCalendar('england-and-wales');
const scotland = new WorkingCalendar('scotland');
const northernIreland = new WorkingCalendar('northern-ireland');

describe('bank holidays against the gov.uk published list', () => {
  // Dates copied by hand from gov.uk/bank-holidays, including one-off and substitute days.
  const published: [WorkingCalendar, string][] = [
    [england, '2020-05-08'], // VE Day (early May moved)
    [england, '2020-12-28'], // Boxing Day substitute
    [england, '2022-01-03'], // New Year's Day substitute
    [england, '2022-06-02'], // spring bank holiday moved
    [england, '2022-06-03'], // Platinum Jubilee
    [england, '2022-09-19'], // State Funeral of Queen Elizabeth II
    [england, '2023-05-08'], // Coronation
    [england, '2026-12-28'], // Boxing Day substitute
    [england, '2027-12-27'], // Christmas substitute
    [england, '2027-12-28'], // Boxing Day substitute
    [scotland, '2022-01-04'], // 2 January substitute
    [scotland, '2023-01-03'], // New Year's Day substitute
    [scotland, '2025-12-01'], // St Andrew's Day substitute
    [scotland, '2026-08-03'], // Scottish summer bank holiday
    [scotland, '2027-01-04'], // 2 January substitute
    [northernIreland, '2020-07-13'], // Battle of the Boyne substitute
    [northernIreland, '2022-03-17'], // St Patrick's Day
    [northernIreland, '2026-07-13'], // Battle of the Boyne substitute
  ];
  it.each(published)('%# %s is not a working day', (calendar, date) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.closedBecause(date)).not.toBe('weekend');
  });

  it('keeps days that were moved away from as working days', () => {
    expect(england.isWorkingDay('2020-05-04')).toBe(true); // early May moved to VE Day
    expect(england.isWorkingDay('2022-05-30')).toBe(true); // spring moved to 2 June
    expect(england.isWorkingDay('2026-08-03')).toBe(true); // Scottish holiday only
    expect(england.isWorkingDay('2026-03-17')).toBe(true); // Northern Irish holiday only
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true); // Easter Monday is not a Scottish bank holiday
  });
});

describe('counting working days by jurisdiction', () => {
  it('differs across New Year in Scotland (2 January)', () => {
    expect(england.addWorkingDays('2025-12-31', 3)).toBe('2026-01-06');
    expect(scotland.addWorkingDays('2025-12-31', 3)).toBe('2026-01-07');
  });

  it('differs over the Twelfth in Northern Ireland', () => {
    expect(england.addWorkingDays('2026-07-10', 3)).toBe('2026-07-15');
    expect(northernIreland.addWorkingDays('2026-07-10', 3)).toBe('2026-07-16');
  });

  it("skips a policy's closure days", () => {
    const shutdown = new WorkingCalendar('england-and-wales', ['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(shutdown.addWorkingDays('2026-12-24', 3)).toBe('2027-01-06');
    expect(shutdown.closedBecause('2026-12-30')).toBe('closure day');
  });

  it('counts working days left and overdue, skipping weekends and bank holidays', () => {
    expect(england.workingDaysFrom('2026-11-30', '2026-12-02')).toBe(2);
    expect(england.workingDaysFrom('2026-12-07', '2026-12-04')).toBe(-1);
    expect(england.workingDaysFrom('2026-12-24', '2026-12-29')).toBe(1);
    expect(england.workingDaysFrom('2026-12-24', '2026-12-24')).toBe(0);
    expect(england.workingDaysFrom('2026-12-29', '2026-12-24')).toBe(-1);
  });

  it('counts zero working days as day 0 itself', () => {
    expect(england.addWorkingDays('2026-12-26', 0)).toBe('2026-12-29');
  });
});

describe('beyond the known holidays', () => {
  it('refuses a date after the bundled list rather than guessing', () => {
    expect(() => england.addWorkingDays('2032-12-20', 30)).toThrow(CalendarRangeError);
    expect(() => england.isWorkingDay('2033-01-05')).toThrow(/covers 2020-2032.*holidays:refresh/);
    expect(() => england.isWorkingDay('2019-12-31')).toThrow(CalendarRangeError);
  });
});

describe('calendar properties', () => {
  const date = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2031-06-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const jurisdiction = fc.constantFrom(...JURISDICTIONS);
  const n = fc.integer({ min: 0, max: 60 });

  it('a working-day deadline always falls on a working day', () => {
    fc.assert(
      fc.property(jurisdiction, date, n, (j, d, days) => {
        const calendar = new WorkingCalendar(j);
        return calendar.isWorkingDay(calendar.addWorkingDays(d, days));
      }),
    );
  });

  it('N+1 working days is always later than N', () => {
    fc.assert(
      fc.property(jurisdiction, date, n, (j, d, days) => {
        const calendar = new WorkingCalendar(j);
        return calendar.addWorkingDays(d, days + 1) > calendar.addWorkingDays(d, days);
      }),
    );
  });

  it('N working days after a date are N working days from it', () => {
    fc.assert(
      fc.property(jurisdiction, date, n, (j, d, days) => {
        const calendar = new WorkingCalendar(j);
        const day0 = calendar.firstWorkingDayFrom(d);
        return calendar.workingDaysFrom(day0, calendar.addWorkingDays(day0, days)) === days && calendar.workingDaysFrom(calendar.addWorkingDays(day0, days), day0) === -days;
      }),
    );
  });

  it('adding a closure day never makes a deadline earlier', () => {
    fc.assert(
      fc.property(jurisdiction, date, n, date, (j, d, days, closure) => {
        const before = new WorkingCalendar(j).addWorkingDays(d, days);
        const after = new WorkingCalendar(j, [closure]).addWorkingDays(d, days);
        return after >= before;
      }),
    );
  });
});
