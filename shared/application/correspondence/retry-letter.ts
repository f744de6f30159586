import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';

/** A dead letter whose cause was fixed goes back into the outbox, to be tried again at once (`outbox retry ID`). */
export class NothingToRetryError extends Error {
  constructor(id: string) {
    super(`outbox entry ${id} is not given up: only a dead entry can be retried (outbox list --dead shows them)`);
    this.name = 'NothingToRetryError';
  }
}

export async function retryLetter(deps: { readonly outbox: Outbox; readonly clock: Clock }, id: string): Promise<void> {
  if (!(await deps.outbox.retry(id, deps.clock.now().toISOString()))) throw new NothingToRetryError(id);
}
