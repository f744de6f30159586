/**
 * A web submission's key (its submission id or Idempotency-Key, chosen by the client) was already used for a
 * different submission: the keys only make a retry of the same thing safe, so this one is refused, never answered
 * with the case the key first made. Send it again under a new key.
 */
export class SubmissionKeyReusedError extends Error {
  constructor(readonly policyId: string) {
    super(`this submission key was already used for a different complaint to ${policyId}: send it again with a new submission id`);
    this.name = 'SubmissionKeyReusedError';
  }
}
