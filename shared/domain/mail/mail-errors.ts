/** Input that is not an email at all: nothing to parse, or no header section. */
export class MalformedEmailError extends Error {
  constructor(reason: string) {
    super(`cannot read this email: ${reason}`);
    this.name = 'MalformedEmailError';
  }
}

/** A message over the configured size: refused before any parsing, and kept for staff. */
export class EmailTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`email of ${size} bytes is over the ${limit}-byte limit (REDRESS_MAX_EMAIL_BYTES)`);
    this.name = 'EmailTooLargeError';
  }
}
