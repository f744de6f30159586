import type { App } from 'aws-cdk-lib';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { checkAwsSolutions } from './nag.js';
import { RedressStack } from './redress-stack.js';

/**
 * The deployment as `cdk synth` makes it (infra/app.ts) and the benchmark measures it: the stack from the
 * configuration and the `-c` context, checked against cdk-nag's AWS Solutions rules.
 */
export function defineRedress(app: App, env: NodeJS.ProcessEnv = process.env): RedressStack {
  // Synth fails on any AWS Solutions finding not acknowledged, with its reason, beside what it excuses.
  checkAwsSolutions(app);
  const config = loadConfig(env);
  // One deployment for every organisation in REDRESS_POLICIES_DIR, or one per organisation: `-c stackName=`.
  return new RedressStack(app, app.node.tryGetContext('stackName') ?? 'Redress', {
    policies: loadPolicyDirectory(config.REDRESS_POLICIES_DIR, policyDefaultsFrom(config)),
    operatorEmail: app.node.tryGetContext('operatorEmail') ?? config.REDRESS_OPERATOR_EMAIL,
    sendingDomain: app.node.tryGetContext('sendingDomain'),
    publicUrl: app.node.tryGetContext('publicUrl'),
    signInDomainPrefix: app.node.tryGetContext('signInDomainPrefix'),
    sharedRuleSetName: app.node.tryGetContext('sharedRuleSetName'),
    settings: {
      digestHour: config.REDRESS_DIGEST_HOUR,
      apiRateLimit: config.REDRESS_API_RATE_LIMIT,
      apiBurstLimit: config.REDRESS_API_BURST_LIMIT,
      outboxSweepMinutes: config.REDRESS_OUTBOX_SWEEP_MINUTES,
    },
    // Environment-agnostic unless the deployer's account and region are known, so synth needs no credentials.
    env: env.CDK_DEFAULT_ACCOUNT && env.CDK_DEFAULT_REGION ? { account: env.CDK_DEFAULT_ACCOUNT, region: env.CDK_DEFAULT_REGION } : undefined,
  });
}
