import { App } from 'aws-cdk-lib';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { checkAwsSolutions } from './nag.js';
import { RedressStack } from './redress-stack.js';

const app = new App();
// Synth fails on any AWS Solutions finding not acknowledged, with its reason, beside what it excuses.
checkAwsSolutions(app);
const config = loadConfig();
// One deployment for every organisation in REDRESS_POLICIES_DIR, or one per organisation: `-c stackName=`.
new RedressStack(app, app.node.tryGetContext('stackName') ?? 'Redress', {
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
  env:
    process.env.CDK_DEFAULT_ACCOUNT && process.env.CDK_DEFAULT_REGION
      ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
      : undefined,
});
app.synth();
