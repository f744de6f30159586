import { resolve } from 'node:path';
import { loadConfig } from '#config/config';
import { policyFilesIn, readPolicyFiles } from '#adapters/file/policy-files';
import { rolesWithoutNoticeAddress } from '#domain/case/route-case';
import { formatProblem } from '#domain/policy/policy-errors';
import { contactPlaceholders } from '#domain/policy/contact-placeholders';

/** `redress policy check [FILE...]`: one line per good policy; exit 1 with every problem when any is wrong. */
export function policyCheckCommand(files: string[]): number {
  const paths = files.length > 0 ? files.map((f) => resolve(f)) : policyFilesIn(loadConfig().REDRESS_POLICIES_DIR);
  const { policies, problems } = readPolicyFiles(paths);
  for (const { policy } of policies) {
    const rules = policy.stages.reduce((n, s) => n + s.deadlines.length, policy.anyStageDeadlines.length);
    process.stdout.write(
      `ok ${policy.id}: ${policy.stages.length} stages (${policy.stages.map((s) => s.id).join(', ')}), ${rules} deadline rules\n`,
    );
    const unreachable = rolesWithoutNoticeAddress(policy);
    if (unreachable.length > 0) {
      process.stderr.write(
        `note ${policy.id}: staff notices for ${unreachable.map((u) => `${u.role} (${u.problem})`).join('; ')} go to the operator address; set roles[].noticeEmail to send them to the role\n`,
      );
    }
    const unfilled = contactPlaceholders(policy);
    if (unfilled.length > 0) {
      process.stderr.write(`note ${policy.id}: ${unfilled.join(' and ')} still a placeholder: letters for post print it as it is until you give the organisation's own\n`);
    }
  }
  for (const problem of problems) process.stderr.write(formatProblem(problem) + '\n');
  if (paths.length === 0) {
    process.stderr.write('no policy files found (looked for .yaml, .yml and .json)\n');
    return 1;
  }
  return problems.length > 0 ? 1 : 0;
}
