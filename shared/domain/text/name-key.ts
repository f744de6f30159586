/** A name as staff search for it: accents, case and punctuation set aside ("Zoë O'Brien" -> "zoe o brien"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
