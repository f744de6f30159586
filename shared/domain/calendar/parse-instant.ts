import { DateTime } from 'luxon';

/** An instant given without a zone cannot be placed on a London calendar day without guessing. */
export class InstantError extends Error {
  constructor(readonly input: string) {
    super(
      `"${input}" is not an ISO-8601 instant with a time zone; write it like 2026-12-19T09:00:00Z or 2026-06-30T23:30:00+01:00`,
    );
    this.name = 'InstantError';
  }
}

const ZONED = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function parseInstant(input: string): DateTime {
  const instant = DateTime.fromISO(input, { setZone: true });
  if (!ZONED.test(input) || !input.includes('T') || !instant.isValid) throw new InstantError(input);
  return instant;
}
