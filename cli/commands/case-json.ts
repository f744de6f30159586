import type { Case } from '#domain/case/case';
import type { OutboxEntry } from '#application/ports/outbox';

type LetterEntry = Extract<OutboxEntry, { kind: 'letter' }>;

/** The case as `case show REF --json` prints it (../shared/conventions/case-actions.md): what scripts rely on. */
export function caseJson(c: Case, entries: readonly OutboxEntry[]): Record<string, unknown> {
  const letters = entries.filter((e): e is LetterEntry => e.kind === 'letter' && e.letter.toComplainant);
  return {
    reference: c.reference,
    policy: c.policyId,
    stage: c.stage,
    status: c.status,
    confidential: c.confidential,
    handler: c.handlerRole,
    ...(c.about ? { about: c.about } : {}),
    // Whom its words name (roles, the policy's words, where), and the handler's decision once made.
    ...(c.named ? { named: { roles: c.named.roles, found: c.named.found, ...(c.named.decided ? { decided: c.named.decided } : {}) } } : {}),
    ...(c.closure ? { closure: c.closure } : {}),
    ...(c.outcome ? { outcome: { stage: c.outcome.stage, decision: c.outcome.decision, at: c.outcome.at } } : {}),
    deadlines: c.deadlines.map((d) => ({
      stage: d.stage,
      kind: d.kind,
      dueDate: d.dueDate,
      status: d.status,
      ...(d.body ? { body: d.body } : {}),
      ...(d.extensions?.length ? { extensions: d.extensions.length } : {}),
    })),
    letters: letters.map((e) => ({
      kind: e.letter.purpose,
      to: e.letter.to.join(', '),
      subject: e.letter.subject,
      status: e.status === 'sent' ? 'sent' : e.status === 'dead' ? 'failed' : 'waiting',
      at: e.sentAt ?? e.createdAt,
    })),
    // Letters for post (a complainant Redress may not email, or who asked for post): to post until marked posted.
    ...(c.postLetters?.length ? { postLetters: c.postLetters.map((l) => ({ id: l.id, kind: l.kind, subject: l.subject, status: l.postedOn ? 'posted' : 'to post', ...(l.postedOn ? { postedOn: l.postedOn } : {}) })) } : {}),
  };
}
