import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Case, TimelineEvent } from './case.js';

/**
 * What a transition decides: the case as it is to be, the events that explain it, the letters it sends, the
 * Message-IDs that thread into it, and whether its deadlines changed (so that its timers must be made to match).
 * A use case saves all of it in one conditional write.
 */
export interface CaseChange {
  readonly case: Case;
  readonly events: readonly TimelineEvent[];
  readonly letters: readonly LetterToSend[];
  readonly threadKeys: readonly string[];
  readonly deadlinesChanged: boolean;
}

/**
 * What the person can do about a refusal, for each surface to word its own way (the CLI as a flag or a command,
 * the console as a field or a link): the input to give or fix, or the action to take instead.
 */
export interface RefusalHint {
  /** The request field to fill in or correct (`summary`, `reason`, `remedies`, `respondBy`, ...). */
  readonly input?: string;
  /** The value that input needs, where there is one (an apology among the remedies). */
  readonly value?: string;
  /** The action to take instead (`reopen`, `extend`, `sign`, `acknowledge`, `withdraw`), on this case. */
  readonly instead?: string;
  readonly reference?: string;
}

/** A change the case's state or its policy does not allow, in words a complaints officer understands. */
export class ActionRefusedError extends Error {
  constructor(
    message: string,
    readonly hint: RefusalHint = {},
  ) {
    super(message);
    this.name = 'ActionRefusedError';
  }
}
