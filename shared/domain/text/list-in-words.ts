/** A list as a sentence carries it: "a", "a or b", "a, b or c" (or "and"); empty for none. */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) as string}`;
}
