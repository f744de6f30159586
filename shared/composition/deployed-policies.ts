import { loadPolicyBundle } from '#adapters/file/policy-bundle';
import { policyDefaultsFrom, type Config } from '#config/config';
import type { PolicySet } from '#domain/policy/policy-set';
import { requiredSetting } from './required-setting.js';

/** The policies a Lambda function was deployed with: the one JSON file `cdk synth` wrote beside its code. */
export function deployedPolicies(config: Config): PolicySet {
  return loadPolicyBundle(requiredSetting(config.REDRESS_POLICIES_FILE, 'REDRESS_POLICIES_FILE', 'the policies the stack deployed'), policyDefaultsFrom(config));
}
