import { DateTime } from 'luxon';
import { LONDON } from './working-calendar.js';

/** The Europe/London calendar date (YYYY-MM-DD) of an instant: the one way Redress turns a moment into a day. */
export function londonDate(instant: string | Date | DateTime): string {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : instant instanceof Date ? DateTime.fromJSDate(instant) : instant;
  return at.setZone(LONDON).toISODate() as string;
}
