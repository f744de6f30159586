import type { Policy } from './policy-schema.js';

/** What a deployment supplies where a policy is silent: stated in the README, shown by `policy show`. */
export interface PolicyDefaults {
  /** Years after closure that a case's records are destroyed, for a policy that states no retention period. */
  readonly retentionYears: number;
}

/** The clause a deployment default is recorded under, so that nobody mistakes it for the organisation's rule. */
export const DEPLOYMENT_DEFAULT_CLAUSE = 'Redress default (REDRESS_RETENTION_YEARS): the policy states no retention period';

/**
 * The policy with the deployment's defaults filled in where it says nothing: every case is destroyed on
 * time, never kept for ever because its policy forgot to say when.
 */
export function withDefaults(policy: Policy, defaults: PolicyDefaults): Policy {
  const hasRetention = [...policy.anyStageDeadlines, ...policy.stages.flatMap((s) => s.deadlines)].some((d) => d.kind === 'retention');
  if (hasRetention) return policy;
  return {
    ...policy,
    anyStageDeadlines: [
      ...policy.anyStageDeadlines,
      { event: 'closed', kind: 'retention', amount: defaults.retentionYears, unit: 'years', clause: DEPLOYMENT_DEFAULT_CLAUSE },
    ],
    records: {
      ...policy.records,
      retention: policy.records.retention ?? {
        rule: `records are destroyed securely ${defaults.retentionYears} years after the complaint is closed (the deployment's default)`,
        clause: DEPLOYMENT_DEFAULT_CLAUSE,
      },
    },
  };
}
