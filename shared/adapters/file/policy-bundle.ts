import { readFileSync } from 'node:fs';
import { PolicyError } from '#domain/policy/policy-errors';
import { policySchema } from '#domain/policy/policy-schema';
import type { PolicyDefaults } from '#domain/policy/policy-defaults';
import { PolicySet } from '#domain/policy/policy-set';
import { letterProblemsOf } from './policy-letters.js';

/**
 * The policies a function was deployed with, as one JSON file written at synth from the policies `cdk synth`
 * validated: no YAML parser in a Lambda bundle, and still checked against the schema at cold start, so a file
 * changed by hand after deployment cannot slip past it.
 */
export function loadPolicyBundle(file: string, defaults?: PolicyDefaults): PolicySet {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(raw) ? raw : [];
  const problems = list.flatMap((p, i) => {
    const result = policySchema.safeParse(p);
    return result.success ? [] : result.error.issues.map((issue) => ({ file, path: `[${i}].${issue.path.join('.')}`, message: issue.message }));
  });
  if (list.length === 0) problems.push({ file, path: '', message: 'no policies in the bundle: it should be an array of policies (the CDK stack writes it)' });
  if (problems.length > 0) throw new PolicyError(problems);
  const policies = list.map((p) => policySchema.parse(p));
  const conflicts = [...PolicySet.conflicts(policies.map((policy) => ({ policy, file }))), ...policies.flatMap((policy) => letterProblemsOf(policy, file))];
  if (conflicts.length > 0) throw new PolicyError(conflicts);
  return new PolicySet(policies, defaults);
}
