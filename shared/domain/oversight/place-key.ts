import { cleanOneLine } from '#domain/text/display-safe';

/** The longest place a theme counts by: longer words are not a place name but a description. */
const LONGEST_PLACE = 60;

/**
 * Where an incident happened, as the themes check counts it: the words the complainant or staff gave, lower case,
 * punctuation and runs of space made one space, so "Library, High St." and "library high st" are one place.
 * Undefined for no words, or words too long to be a place.
 */
export function placeKey(place: string | undefined): string | undefined {
  if (!place) return undefined;
  const key = cleanOneLine(place)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key && key.length <= LONGEST_PLACE ? key : undefined;
}
