import { noticeToStaff } from '#domain/letters/addressing';
import { composeLetter } from '#domain/letters/complainant-letter';
import { outcomeFacts } from '#domain/letters/letter-view';
import { responseCopyNotice } from '#domain/letters/stage-notices';
import { roleTitleInText, stageById } from '#domain/policy/policy-lookups';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import { clauseInWords } from '#domain/policy/clause-words';
import type { Policy } from '#domain/policy/policy-schema';
import type { Case, StageOutcome, TimelineEvent } from '../case.js';
import { writableByEmail } from '../reachable.js';
import { rolesAbout } from '../named-in-complaint.js';
import { addressesOf } from '../route-case.js';
import { event, iso, type ActionContext } from './action-kit.js';

/**
 * The copies of a stage's response that its policy shares for information (the council: "All stage two
 * responses are shared with the relevant Director before being passed to the Chief Executive"), in the policy's
 * order, each to the role's own mailbox (`policy check` makes sure it has one). The role the complaint is about,
 * or anyone at its address, gets none, and the case says so.
 */
export function responseCopies(policy: Policy, c: Case, outcome: StageOutcome, ctx: ActionContext): { letters: LetterToSend[]; events: TimelineEvent[] } {
  const stage = stageById(policy, outcome.stage);
  const rule = stage?.copyResponsesTo;
  if (!stage || !rule) return { letters: [], events: [] };
  const about = rolesAbout(c);
  const theirs = new Set(about.flatMap((r) => [...addressesOf(policy, r)]));
  const skipped: string[] = [];
  const to: { role: string; address: string }[] = [];
  for (const id of rule.roles) {
    const role = policy.roles.find((r) => r.id === id);
    const address = role?.noticeEmail ?? role?.contact?.email;
    if (about.includes(id) || (address && theirs.has(address.toLowerCase()))) skipped.push(id);
    else if (address && !to.some((t) => t.address.toLowerCase() === address.toLowerCase())) to.push({ role: id, address });
  }
  const at = iso(ctx.at);
  const response = composeLetter(policy, outcomeFacts(policy, c, outcome)).text;
  const notice = responseCopyNotice(policy, c, { stage: stage.id, roles: to.map((t) => t.role), clause: rule.clause, sentAt: at, emailed: writableByEmail(c), response }, ctx.sending);
  const names = (roles: readonly string[]) => roles.map((r) => roleTitleInText(policy, r)).join(', then ');
  return {
    // Numbered in the policy's order: a write's letters go out in the order of their ids.
    letters: to.map((t, i) => noticeToStaff(policy, c.reference, c.reference, [t.address], notice, 'response-copy', `${stage.id}-${i + 1}-${t.role}`, ctx.sending)),
    events: [
      ...(to.length ? [event(at, 'note', 'redress', `The ${stage.name} response was shared with ${names(to.map((t) => t.role))} (${clauseInWords(rule.clause)})`, { sharedWith: to.map((t) => t.role) }, `response-shared-${stage.id}-${at}`)] : []),
      ...skipped.map((r) => event(at, 'note', 'redress', `The ${stage.name} response was not shared with ${roleTitleInText(policy, r)}: the complaint is about them`, undefined, `response-not-shared-${stage.id}-${r}-${at}`)),
    ],
  };
}
