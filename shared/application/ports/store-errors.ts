import type { Claim } from './cases.js';

/** Another writer changed the case first: read it again and re-apply the change. */
export class ConcurrentChangeError extends Error {
  constructor(readonly reference: string) {
    super(`case ${reference} was changed by someone else; read it again and retry`);
    this.name = 'ConcurrentChangeError';
  }
}

/** A once-only mark is held already: an earlier attempt did this, or a concurrent one got there first. */
export class ClaimTakenError extends Error {
  constructor(readonly claim: Claim) {
    super(`already claimed: ${claim.kind}`);
    this.name = 'ClaimTakenError';
  }
}

/** The store refused the write as too large (DynamoDB's 400 KB item limit): retrying cannot help. */
export class ItemTooLargeError extends Error {
  constructor(what: string, detail: string) {
    super(`${what} is too large to store: ${detail}`);
    this.name = 'ItemTooLargeError';
  }
}

/** No case with this reference. */
export class CaseNotFoundError extends Error {
  constructor(readonly reference: string) {
    super(`no case ${reference}; check the reference (case list shows them)`);
    this.name = 'CaseNotFoundError';
  }
}

/** Another sender took an outbox entry over after this one's lease ran out: this attempt's result is not recorded. */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`the lease on outbox entry ${id} ran out before its attempt finished; another sender has it`);
    this.name = 'LeaseLostError';
  }
}

/** A leased letter's body is not in the store (it was destroyed with its case's personal data as it was leased). */
export class LetterBodyMissingError extends Error {
  constructor(readonly id: string) {
    super(`outbox entry ${id} has no letter body in the store: it cannot be sent; if its case was not destroyed, give it up (the lease runs out) and look at the entry`);
    this.name = 'LetterBodyMissingError';
  }
}

/** The mail service took a letter, but its record could not be written before the lease ran out (the store was away). */
export class SentNotRecordedError extends Error {
  constructor(readonly id: string, readonly providerMessageId: string, cause: unknown) {
    super(`outbox entry ${id} was sent (provider id ${providerMessageId}) but could not be recorded before its lease ran out: the next sender finds it at the mail service before sending it again`, { cause });
    this.name = 'SentNotRecordedError';
  }
}

/** No held message with this id. */
export class HeldMessageNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no held message ${id}; \`held list\` shows them`);
    this.name = 'HeldMessageNotFoundError';
  }
}
