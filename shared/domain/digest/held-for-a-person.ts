import { instantInWords } from '#domain/letters/dates-in-words';
import { heldWithoutProof, type HeldMessage } from '#domain/mail/held-message';
import type { DigestLine } from './build-digest.js';

/**
 * The held messages a person may have written: held as automatic or bulk mail with nothing in their headers to show a
 * machine sent them, and still waiting. One line each, oldest first, saying why it was held; neither who sent it nor
 * what it says (the digest goes to every formal stage's handler, and it may be a complaint about one of them): the
 * console's held messages show those to whoever may release it.
 */
export function heldForAPerson(waiting: readonly HeldMessage[]): DigestLine[] {
  return waiting
    .filter((h) => !h.settled && heldWithoutProof(h))
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .map((h) => ({
      reference: h.id,
      text: `A message received ${instantInWords(h.receivedAt)}, held as ${h.reason === 'possibly-automatic' ? 'perhaps automatic or bulk mail' : 'an automatic reply'}${h.evidence?.length ? ` (${h.evidence.join('; ')})` : ''}: nothing in its headers shows a machine sent it. If a person wrote it, release it into a case.`,
    }));
}
