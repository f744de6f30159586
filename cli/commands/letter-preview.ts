import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { composeLetter } from '#domain/letters/complainant-letter';
import { previewFacts, sampleCase, samplePost } from '#domain/letters/letter-preview';
import { postAddressing } from '#domain/letters/post-letter';
import { writableByEmail } from '#domain/case/reachable';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

/**
 * `redress letter preview --policy ID --kind KIND [--case REF] [--post] [--html]`: one letter as the complainant will
 * read it (on paper for a case Redress may not email, or with --post), from the policy's own template (or Redress's), checked as it would be before sending: a letter
 * missing something it must say is refused with exit 3, as the action would be.
 */
export async function letterPreviewCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' }, kind: { type: 'string' }, case: { type: 'string' }, html: { type: 'boolean' }, post: { type: 'boolean' } }, strict: true });
  if (!values.policy || !values.kind) throw new UsageError('usage: redress letter preview --policy ID --kind KIND [--case REF] [--post] [--html]');
  return withStack(async ({ policies, cases }) => {
    const policy = policies.get(values.policy as string);
    const now = DateTime.now();
    const c = values.case ? await cases.get(values.case.toUpperCase()) : sampleCase(policy, now);
    if (!c) throw new UsageError(`no case ${values.case}`);
    if (c.policyId !== policy.id) throw new UsageError(`${c.reference} is a ${c.policyId} case, not ${policy.id}`);
    // A case Redress may not email gets its letters on paper, as the action would draft them; --post shows a sample's.
    const onPaper = values.case ? !writableByEmail(c) : Boolean(values.post);
    const post = onPaper ? (values.case ? postAddressing(c, now.toUTC().toISO() as string) : samplePost(now)) : undefined;
    const letter = composeLetter(policy, previewFacts(policy, values.kind as string, c, now), undefined, post);
    process.stdout.write(values.html ? letter.html : `Subject: ${letter.subject}\n\n${letter.text}`);
    return 0;
  });
}
