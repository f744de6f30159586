import { withoutBidiControls } from '#domain/text/display-safe';
import type { DateTime } from 'luxon';
import type * as z from 'zod/mini';
import { rolesIn } from '#domain/access/case-access';
import { roleMayUse } from '#domain/access/capabilities';
import type { StaffMember } from '#domain/access/staff-member';
import type { Case, TimelineEvent } from '#domain/case/case';
import { ActionRefusedError } from '#domain/case/case-change';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Policy } from '#domain/policy/policy-schema';
import { rolesOfStaffAddress } from '#domain/policy/staff-addresses';
import { authoriseOnCase, NotYoursToActOnError } from '../console/case-to-act-on.js';
import { caseWrite } from '../case-write.js';
import { changeCase, type Decided } from '../change-case.js';
import { CaseNotFoundError } from '../ports/store-errors.js';
import { STAFF_ACTIONS, type StaffAction, type StaffActionContext, type StaffInput, type StaffVerb } from './staff-action-catalogue.js';

/**
 * Who acts: a person signed in to the console (their roles decide what they may do), or whoever runs the command
 * line, which works with the deployment's own credentials and has always been trusted with every case (`--by`
 * names them on the timeline).
 */
export type StaffActor = { readonly kind: 'signed-in'; readonly member: StaffMember } | { readonly kind: 'command-line'; readonly name: string };

import type { StaffDeps } from './staff-deps.js';
import type { StaffDirectory } from '../ports/staff-directory.js';

/** The cases, the policies, the counters a claim is checked against, how letters are addressed, and who has signed in. */
export type ActOnCaseDeps = StaffDeps & { readonly staffDirectory: StaffDirectory };

/** What acting did: saved the change, or (preview) decided it and wrote nothing, or was refused on the case as read. */
export type Acted =
  | { readonly outcome: 'saved'; readonly case: Case }
  | { readonly outcome: 'preview'; readonly case: Case; readonly letters: readonly LetterToSend[]; readonly events: readonly TimelineEvent[] }
  | { readonly outcome: 'refused'; readonly refusal: ActionRefusedError; readonly case: Case; readonly policy: Policy };

function actorName(actor: StaffActor): string {
  return actor.kind === 'signed-in' ? (actor.member.email ?? actor.member.name) : actor.name;
}

/** The roles of the policy the actor holds: by their sign-in, and by the policy's own addresses for its roles. */
function actorRoles(actor: StaffActor, policy: Policy): string[] {
  const byAddress = rolesOfStaffAddress(policy, actorName(actor));
  return actor.kind === 'signed-in' ? [...new Set([...rolesIn(actor.member, policy.id), ...byAddress])] : [...byAddress];
}

/**
 * The command line is trusted with every case, except where `--by` names an address the policy gives only to roles
 * with capabilities of their own (the council's Customer Relations Team): then they do what those roles may, and a
 * refusal says who can, as the console does.
 */
function authoriseByAddress(policy: Policy, c: Case, who: StaffAction<z.ZodMiniType>['who'], name: string): void {
  const roles = rolesOfStaffAddress(policy, name);
  const capability = who.capability;
  if (!capability || roles.length === 0 || !roles.every((r) => policy.roles.find((x) => x.id === r)?.capabilities)) return;
  if (!roles.some((r) => roleMayUse(policy, r, c, capability))) throw new NotYoursToActOnError(c.reference, who.refusal(policy, c));
}

/** Every string a staff action is given, at the boundary, without bidi overrides (a file description that reads backwards). */
function withoutBidi(value: unknown): unknown {
  if (typeof value === 'string') return withoutBidiControls(value);
  if (Array.isArray(value)) return value.map(withoutBidi);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBidi(v)]));
  return value;
}

function parsed<S extends z.ZodMiniType>(entry: StaffAction<S>, input: unknown): z.infer<S> {
  const result = entry.input.safeParse(withoutBidi(input));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path[0];
  throw new ActionRefusedError(`${typeof field === 'string' ? `${field}: ` : ''}${issue?.message ?? 'not a valid request'}`, typeof field === 'string' ? { input: field } : {});
}

/**
 * A staff action on a case: reads the case once, checks on that read that the actor may (they may know of it,
 * and the verb's who-may), decides the change, and saves it in one conditional write. When another writer changed
 * the case first, it is read again, and the actor authorised and the change decided afresh on that version, so
 * permission is always judged on the version written. With `preview`, nothing is written: the change is returned
 * with the letters it would send, rendered. A refusal (the policy's, the case's state) comes back with the case
 * it was decided on; not knowing the case, or not being allowed to act, throws (CaseNotFoundError, NotYoursToActOnError).
 */
export async function actOnCase<V extends StaffVerb>(deps: ActOnCaseDeps, actor: StaffActor, verb: V, reference: string, input: StaffInput<V>, options: { readonly at: DateTime; readonly preview?: boolean; readonly previewedVersion?: number }): Promise<Acted> {
  const entry = STAFF_ACTIONS[verb] as StaffAction<z.ZodMiniType>;
  let decidedOn: { case: Case; policy: Policy } | undefined;
  const decide = async (c: Case, policy: Policy): Promise<Decided> => {
    decidedOn = undefined;
    if (actor.kind === 'signed-in') authoriseOnCase(actor.member, policy, c, entry.who);
    else authoriseByAddress(policy, c, entry.who, actor.name);
    decidedOn = { case: c, policy };
    // Confirming what a preview showed: a case changed since (another's action, or the same form sent twice) is not
    // acted on blindly; the person looks again.
    if (options.previewedVersion !== undefined && c.version !== options.previewedVersion) {
      throw new ActionRefusedError('this case has changed since your preview (someone acted on it, or the form was sent twice), so nothing was done: look at the case, then start again if it is still needed');
    }
    const ctx: StaffActionContext = { at: options.at, actor: actorName(actor), sending: deps.sending, actorRoles: actorRoles(actor, policy), counters: deps.counters, staffDirectory: deps.staffDirectory };
    return entry.decide(policy, c, parsed(entry, input), ctx);
  };
  try {
    if (options.preview) {
      const c = await deps.cases.get(reference);
      if (!c) throw new CaseNotFoundError(reference);
      const decided = await decide(c, deps.policies.get(c.policyId));
      const write = decided ? caseWrite(c, decided.change, deps.clock.now().toISOString(), decided.claims) : undefined;
      return {
        outcome: 'preview',
        case: c,
        letters: write ? write.outbox.flatMap((o) => (o.kind === 'letter' ? [o.letter] : [])) : [],
        events: write ? [...write.events] : [],
      };
    }
    return { outcome: 'saved', case: await changeCase(deps, reference, decide) };
  } catch (error) {
    // A refusal of the action itself, on the version it was decided on; not one of the actor's standing.
    if (error instanceof ActionRefusedError && !(error instanceof NotYoursToActOnError) && decidedOn) return { outcome: 'refused', refusal: error, ...decidedOn };
    throw error;
  }
}
