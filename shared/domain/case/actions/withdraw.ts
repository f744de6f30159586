import { letterFor } from '#domain/letters/complainant-letter';
import { withdrawalFacts } from '#domain/letters/letter-view';
import type { Policy } from '#domain/policy/policy-schema';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { change, event, iso, requireOpen, type ActionContext } from './action-kit.js';
import { categoryToClose } from './category-to-close.js';
import { closed } from './close-case.js';
import { clauseInWords } from '#domain/policy/clause-words';

/**
 * `case withdraw REF [--confirmed-in-writing]`: the complainant withdrew. Where the policy asks for it in
 * writing first (Connect), an unconfirmed withdrawal keeps the case open and the letter asks them to confirm;
 * once confirmed, the case closes and the letter says so (with its category, where the policy reports by one).
 */
export function withdraw(policy: Policy, c: Case, request: { readonly confirmedInWriting: boolean; readonly category?: string | undefined }, ctx: ActionContext): CaseChange {
  requireOpen(c, 'withdraw it');
  const rule = policy.withdrawal;
  if (rule?.confirmInWriting && !request.confirmedInWriting) {
    if (c.withdrawalRequestedAt) throw new ActionRefusedError('the complainant was already asked to confirm the withdrawal in writing; when they do, record the withdrawal as confirmed in writing', { input: 'confirmedInWriting' });
    const asked: Case = { ...c, withdrawalRequestedAt: iso(ctx.at) };
    return change(
      asked,
      [event(ctx.at, 'withdrawn', ctx.actor, `The complainant asked to withdraw; asked to confirm it in writing (${clauseInWords(rule.clause)})`)],
      false,
      letterFor(policy, asked, withdrawalFacts(policy, asked, true), 'confirm', iso(ctx.at), ctx.sending),
    );
  }
  const filed = categoryToClose(policy, c, request.category, ctx);
  const done = closed(policy, filed.case, 'withdrawn', ctx.at);
  return change(
    done.case,
    [...filed.events, event(ctx.at, 'withdrawn', ctx.actor, `Withdrawn by the complainant${request.confirmedInWriting ? ', confirmed in writing' : ''}`), event(ctx.at, 'closed', ctx.actor, 'Case closed: withdrawn'), ...done.events],
    true,
    letterFor(policy, done.case, withdrawalFacts(policy, done.case, false), 'withdrawn', iso(ctx.at), ctx.sending),
  );
}
