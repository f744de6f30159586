import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, type ActionContext } from './action-kit.js';

/**
 * `case outside-body REF BODY`: the complainant took the complaint to an outside body the policy names (the
 * Ombudsman asked for the file, say). Recorded, on a closed case too, for the report's escalations.
 */
export function recordReferral(policy: Policy, c: Case, bodyId: string, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed; nothing more can be recorded`);
  const body = policy.outsideBodies.find((b) => b.id === bodyId);
  if (!body) {
    throw new ActionRefusedError(
      policy.outsideBodies.length ? `${policy.organisation.name}'s outside bodies are ${policy.outsideBodies.map((b) => b.id).join(', ')}, not "${bodyId}"` : `${policy.organisation.name}'s policy names no outside body`,
      { input: 'body' },
    );
  }
  if (c.referrals?.some((r) => r.body === body.id)) throw new ActionRefusedError(`${c.reference} was already recorded as taken to ${body.name}`);
  return change({ ...c, referrals: [...(c.referrals ?? []), { body: body.id, at: iso(ctx.at) }] }, [event(ctx.at, 'referred', ctx.actor, `Taken to ${body.name} by the complainant`, { body: body.id })], false);
}
