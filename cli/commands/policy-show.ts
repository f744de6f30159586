import { loadConfig } from '../../shared/config/config.js';
import { loadPolicyDirectory } from '../../shared/policy/load-policies.js';
import { describePolicy } from '../../shared/policy/describe-policy.js';
import { UsageError } from '../usage-error.js';

/** `redress policy show ID`: the policy as a person reads it. */
export function policyShowCommand(args: string[]): number {
  const [id, ...rest] = args;
  if (!id || rest.length > 0) throw new UsageError('usage: redress policy show ID');
  process.stdout.write(describePolicy(loadPolicyDirectory(loadConfig().REDRESS_POLICIES_DIR).get(id)));
  return 0;
}
