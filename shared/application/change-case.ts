import type { CaseChange } from '#domain/case/case-change';
import type { Case } from '#domain/case/case';
import type { Policy } from '#domain/policy/policy-schema';
import type { PolicySet } from '#domain/policy/policy-set';
import { caseWrite } from './case-write.js';
import { contentionPause } from './contention-pause.js';
import type { Cases, Claim } from './ports/cases.js';
import type { Clock } from './ports/clock.js';
import { CaseNotFoundError, ClaimTakenError, ConcurrentChangeError } from './ports/store-errors.js';

export interface ChangeCaseDeps {
  readonly cases: Cases;
  readonly policies: PolicySet;
  /** How many times a change is re-decided on a fresh read when another writer got there first. */
  readonly writeRetries: number;
  readonly clock: Clock;
}

/** What a decision returns: the change (or nothing to do) and the claims its write depends on. */
export type Decided = { readonly change: CaseChange; readonly claims?: readonly Claim[] } | undefined;

/**
 * Loads a case, lets `decide` work out the change from the case as it is now, and saves it in one conditional
 * write (`known`, a read the caller just made, stands in for the first one). When another writer changed the case first, or a claim the decision counted on was taken, the case is
 * read again and the change decided afresh. Returns the case as saved (or as read, when there was nothing to do).
 */
export async function changeCase(deps: ChangeCaseDeps, reference: string, decide: (c: Case, policy: Policy) => Decided | Promise<Decided>, known?: Case): Promise<Case> {
  for (let attempt = 1; ; attempt++) {
    // The caller's fresh read saves one on the first attempt; after a lost race the case is read again.
    const current = attempt === 1 && known ? known : await deps.cases.get(reference);
    if (!current) throw new CaseNotFoundError(reference);
    const decided = await decide(current, deps.policies.get(current.policyId));
    if (!decided) return current;
    const write = caseWrite(current, decided.change, deps.clock.now().toISOString(), decided.claims);
    try {
      await deps.cases.write(write);
      return write.case;
    } catch (error) {
      const retriable = error instanceof ConcurrentChangeError || (error instanceof ClaimTakenError && error.claim.kind === 'acknowledgement');
      if (!retriable || attempt > deps.writeRetries) throw error;
      await contentionPause(attempt);
    }
  }
}
