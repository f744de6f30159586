/** A date the bundled bank-holiday list does not cover: counting past it would be a guess. */
export class CalendarRangeError extends Error {
  constructor(
    readonly date: string,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      `no bank-holiday data for ${date}: the calendar covers ${firstYear}-${lastYear}; ` +
        'update date-holidays and run `npm run holidays:refresh` to extend it',
    );
    this.name = 'CalendarRangeError';
  }
}
