import { loadConfig, policyDefaultsFrom } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { describePolicy } from '#domain/policy/describe-policy';
import { UsageError } from '#cli/usage-error';

/** `redress policy show ID`: the policy as a person reads it. */
export function policyShowCommand(args: string[]): number {
  const [id, ...rest] = args;
  if (!id || rest.length > 0) throw new UsageError('usage: redress policy show ID');
  process.stdout.write(describePolicy(loadPolicyDirectory(loadConfig().REDRESS_POLICIES_DIR, policyDefaultsFrom(loadConfig())).get(id)));
  return 0;
}
