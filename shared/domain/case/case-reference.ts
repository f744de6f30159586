/** PREFIX-YEAR-NNNN: readable on the phone, sortable, and unique per organisation and year. */
export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

const REFERENCE = /\b([A-Z]{2,6})-(\d{4})-(\d{4,})\b/g;

/** Every case reference in a text (a subject, say), in order of appearance. */
export function findReferences(text: string): string[] {
  return [...text.toUpperCase().matchAll(REFERENCE)].map((m) => m[0]);
}

export function referencePrefix(reference: string): string {
  return reference.slice(0, reference.indexOf('-'));
}
