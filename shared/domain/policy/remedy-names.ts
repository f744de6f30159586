import { capitalise } from '#domain/letters/letter-view';
import type { Policy, RemedyKind } from './policy-schema.js';

/** The standard remedies as staff and the board read them (a letter words each its own way). */
const STANDARD: Record<RemedyKind, string> = {
  explanation: 'An explanation of what happened',
  apology: 'An apology',
  assurance: 'An assurance that we will try to stop it happening again',
  steps: 'Steps so that it does not happen again',
  'policy-review': 'A review of our policies',
  other: 'Something else',
};

/** A remedy's name on the outcome form and in the report: the standard words, else the policy's own, without its clause. */
export function remedyName(policy: Policy, id: string): string {
  const standard = STANDARD[id as RemedyKind] as string | undefined;
  if (standard) return standard;
  const description = policy.outcomes.remedies.find((r) => r.id === id)?.description ?? id;
  return capitalise(description.replace(/\s*\([^)]*\)\s*$/, '').trim());
}
