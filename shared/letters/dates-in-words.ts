import { DateTime } from 'luxon';
import { LONDON } from '../calendar/working-calendar.js';

/** "Thursday 21 January 2027": how a letter states a date. */
export function dateInWords(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: LONDON }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** "23 November 2026 at 14:05" in London time: how a notice states an instant. */
export function instantInWords(iso: string): string {
  return DateTime.fromISO(iso).setZone(LONDON).setLocale('en-GB').toFormat("d LLLL yyyy 'at' HH:mm");
}
