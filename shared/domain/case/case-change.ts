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

/** A change the case's state or its policy does not allow, in words a complaints officer understands. */
export class ActionRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionRefusedError';
  }
}
