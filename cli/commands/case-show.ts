import { oneLineSafe, terminalSafe } from '#domain/text/display-safe';
import type { OutboxEntry } from '#application/ports/outbox';
import { caseJson } from '#cli/commands/case-json';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';
import { clauseInWords } from '#domain/policy/clause-words';

/**
 * `redress case show REF`: the case, its letters (sent or waiting) and its timeline. Staff only: confidential
 * content is shown. Everything a complainant wrote is shown with its control characters made visible.
 */
export async function caseShowCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const [reference, ...rest] = args.filter((a) => a !== '--json');
  if (!reference || rest.length > 0) throw new UsageError('usage: redress case show REF [--json]');
  return withStack(async ({ cases, outbox }) => {
    const c = await cases.get(reference.toUpperCase());
    if (!c) throw new UsageError(`no case ${reference}`);
    if (json) {
      process.stdout.write(JSON.stringify(caseJson(c, await outbox.ofCase(c.reference))) + '\n');
      return 0;
    }
    const one = oneLineSafe;
    const letters = (await outbox.ofCase(c.reference)).filter((e): e is Extract<OutboxEntry, { kind: 'letter' }> => e.kind === 'letter');
    const out: string[] = [
      `${c.reference} (${c.policyId}, policy version ${c.policyVersion})`,
      `Status: ${c.status}; stage ${c.stage}; handled by ${c.handlerRole}${c.confidential ? '; CONFIDENTIAL' : ''}`,
      `Received: ${c.receivedAt} by ${c.channel}`,
      `Complainant: ${c.complainant.anonymous ? 'anonymous' : one([c.complainant.name, c.complainant.email, c.complainant.phone, c.complainant.postalAddress].filter(Boolean).join(', '))}${c.complainant.addressSource && c.complainant.addressSource !== 'from' && c.complainant.addressSource !== 'form' ? ` (address taken from ${c.complainant.addressSource}: the message had no single From)` : ''}`,
      ...(c.replyTo ? [`Reply-To asked for: ${one(c.replyTo)} (not written to: letters go only to the address the complaint came from)`] : []),
      ...(c.participants.length ? [`May also write into it: ${c.participants.map(one).join(', ')}`] : []),
      ...(c.about ? [`About: ${one(c.about)}`] : []),
      ...(c.named ? [`Its words name: ${c.named.roles.join(', ')} (${c.named.found.map((f) => `"${one(f.words)}" in the ${f.where}`).join(', ')})${c.named.decided ? `; ${c.named.decided} by ${one(c.named.decidedBy ?? 'staff')}` : `; kept from them until the handler confirms or undoes it: case named ${c.reference} confirm|undo`}`] : []),
      `Signed: ${c.signed ? 'yes' : 'no'}`,
      ...(c.flags.length ? [`Flags: ${c.flags.join(', ')}`] : []),
      ...(c.possibleNextStageRequest ? [`Perhaps asking for the next stage: ${one(c.possibleNextStageRequest.from)} wrote on ${c.possibleNextStageRequest.at.slice(0, 10)} after our response; if so, confirm with case escalate ${c.reference}`] : []),
      'Deadlines:',
      ...c.deadlines.map((d) => `  ${d.stage} ${d.kind} ${d.dueDate} (${d.rule}, ${clauseInWords(d.clause)}) ${d.status}${d.extensions?.length ? `, extended ${d.extensions.length}x` : ''}`),
      ...(c.outcomes?.length ? ['Outcomes:', ...c.outcomes.map((o) => `  ${o.stage}: ${o.decision} by ${one(o.by)} on ${o.at.slice(0, 10)}`)] : []),
      ...(c.attachments.length ? ['Attachments:', ...c.attachments.map((a) => `  ${one(a.filename)} ${one(a.contentType)} ${a.size} bytes${a.dangerous ? ' DANGEROUS' : ''} -> ${one(a.storageKey)}`)] : []),
      'Letters:',
      ...(letters.length || c.postLetters?.length ? letters.map((e) => `  ${e.letter.purpose} to ${e.letter.to.join(', ')}: ${letterStatus(e)}`) : ['  none']),
      // Letters for post, by the id `case posted REF --letter ID` takes.
      ...(c.postLetters ?? []).map((l) => `  ${l.kind} for post: ${l.postedOn ? `posted ${l.postedOn}` : `to post (case posted ${c.reference} --letter ${l.id})`}`),
      ...(c.subject ? [`Subject: ${one(c.subject)}`] : []),
      'Complaint:',
      ...terminalSafe(c.summary).split('\n').map((l) => `  ${l}`),
      'Timeline:',
      ...(await cases.timeline(c.reference)).flatMap((e) => [
        `  ${e.at} ${e.type} (${one(e.actor)}): ${one(e.summary)}`,
        // A letter that cannot go by email is printed for staff to post or read out.
        ...(e.type === 'letter-drafted' && typeof e.detail?.text === 'string' ? terminalSafe(e.detail.text).split('\n').map((l) => `      | ${l}`) : []),
      ]),
    ];
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  });
}

function letterStatus(e: OutboxEntry): string {
  if (e.status === 'sent') return `sent ${e.sentAt}`;
  if (e.status === 'dead') return `NOT SENT: given up after ${e.attempts} attempts (${e.lastError ?? 'unknown error'}); operators told`;
  return e.attempts > 0 ? `letter waiting: ${e.attempts} failed attempts, next try ${e.nextAttemptAt} (${e.lastError ?? ''})` : 'letter waiting to be sent';
}
