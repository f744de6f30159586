import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

/** `redress case show REF`: the case and its timeline. Staff only: confidential content is shown. */
export async function caseShowCommand(args: string[]): Promise<number> {
  const [reference, ...rest] = args;
  if (!reference || rest.length > 0) throw new UsageError('usage: redress case show REF');
  return withStack(async ({ store }) => {
    const c = await store.getCase(reference.toUpperCase());
    if (!c) throw new UsageError(`no case ${reference}`);
    const out: string[] = [
      `${c.reference} (${c.policyId}, policy version ${c.policyVersion})`,
      `Status: ${c.status}; stage ${c.stage}; handled by ${c.handlerRole}${c.confidential ? '; CONFIDENTIAL' : ''}`,
      `Received: ${c.receivedAt} by ${c.channel}`,
      `Complainant: ${c.complainant.anonymous ? 'anonymous' : [c.complainant.name, c.complainant.email, c.complainant.phone, c.complainant.postalAddress].filter(Boolean).join(', ')}`,
      ...(c.about ? [`About: ${c.about}`] : []),
      `Signed: ${c.signed ? 'yes' : 'no'}`,
      ...(c.flags.length ? [`Flags: ${c.flags.join(', ')}`] : []),
      'Deadlines:',
      ...c.deadlines.map((d) => `  ${d.kind} ${d.dueDate} (${d.rule}, clause ${d.clause}) ${d.status}`),
      ...(c.attachments.length ? ['Attachments:', ...c.attachments.map((a) => `  ${a.filename} ${a.contentType} ${a.size} bytes${a.dangerous ? ' DANGEROUS' : ''} -> ${a.storageKey}`)] : []),
      ...(c.subject ? [`Subject: ${c.subject}`] : []),
      'Complaint:',
      ...c.summary.split('\n').map((l) => `  ${l}`),
      'Timeline:',
      ...(await store.timeline(c.reference)).map((e) => `  ${e.at} ${e.type} (${e.actor}): ${e.summary}`),
    ];
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  });
}
