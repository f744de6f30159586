import { DateTime } from 'luxon';
import { LONDON } from '#domain/calendar/working-calendar';

const inWords = new Map<string, string>();

/** "Thursday 21 January 2027": how a letter states a date. Cached: digests and letters repeat a few dates many times. */
export function dateInWords(isoDate: string): string {
  let words = inWords.get(isoDate);
  if (words === undefined) {
    words = DateTime.fromISO(isoDate, { zone: LONDON }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
    if (inWords.size > 10_000) inWords.clear();
    inWords.set(isoDate, words);
  }
  return words;
}

/** "23 November 2026 at 14:05" in London time: how a notice states an instant. */
export function instantInWords(iso: string): string {
  return DateTime.fromISO(iso).setZone(LONDON).setLocale('en-GB').toFormat("d LLLL yyyy 'at' HH:mm");
}
