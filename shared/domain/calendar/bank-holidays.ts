import data from './uk-bank-holidays.json' with { type: 'json' };
import type { Jurisdiction } from './jurisdiction.js';

/** The bundled bank-holiday list (see scripts/refresh-holidays.ts for where it comes from). */
export interface BankHolidayList {
  readonly firstYear: number;
  readonly lastYear: number;
  /** ISO date -> holiday name. */
  readonly days: ReadonlyMap<string, string>;
}

const lists = new Map<Jurisdiction, BankHolidayList>();

export function bankHolidays(jurisdiction: Jurisdiction): BankHolidayList {
  let list = lists.get(jurisdiction);
  if (!list) {
    list = {
      firstYear: data.firstYear,
      lastYear: data.lastYear,
      days: new Map(Object.entries(data.holidays[jurisdiction])),
    };
    lists.set(jurisdiction, list);
  }
  return list;
}
