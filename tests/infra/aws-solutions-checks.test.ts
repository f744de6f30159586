/**
 * cdk-nag's AWS Solutions rules over the whole stack, as every `cdk synth` applies them (infra/app.ts): zero
 * findings, each acknowledgement beside what it excuses, and the check live (a wildcard added fails synth).
 */
import { App } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAwsSolutions } from '#infra/nag';
import { RedressFunction } from '#infra/redress-function';
import { RedressStack } from '#infra/redress-stack';
import { seedPolicies } from '#tests/support/policies';

function checkedStack(change: (stack: RedressStack) => void = () => {}): { synth: () => unknown; outdir: string } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  checkAwsSolutions(app);
  const stack = new RedressStack(app, 'Checked', { policies: seedPolicies, operatorEmail: 'ops@example.org', sendingDomain: 'mail.example.org', settings: { digestHour: 8, apiRateLimit: 20, apiBurstLimit: 40, outboxSweepMinutes: 1 } });
  change(stack);
  return { synth: () => app.synth(), outdir: app.outdir };
}

/** The AWS Solutions findings in a failed synth's validation report, as "rule path". */
function findings(error: unknown): string[] {
  const path = /found in: (\S+)/.exec(String(error))?.[1];
  if (!path) throw error;
  const report = JSON.parse(readFileSync(path, 'utf8')) as { pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[] };
  return report.pluginReports.filter((p) => p.pluginName.startsWith('AwsSolutions')).flatMap((p) => p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)));
}

describe('the AWS Solutions checks', () => {
  it('find nothing unacknowledged in the stack', () => {
    const { synth } = checkedStack();
    let found: string[] = [];
    try {
      synth();
    } catch (error) {
      found = findings(error);
    }
    expect(found).toEqual([]);
  }, 60_000);

  it('fail synth when a function is given a wildcard it was not given before', () => {
    const { synth } = checkedStack((stack) => {
      const fn = stack.node.findAll().find((c): c is RedressFunction => c instanceof RedressFunction && c.node.id === 'ComplaintForm');
      fn?.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:*'], resources: [stack.storage.rawMail.bucketArn] }));
    });
    let found: string[] = [];
    try {
      synth();
    } catch (error) {
      found = findings(error);
    }
    expect(found).toEqual(['AwsSolutions-IAM5[Action::s3:*] Checked/Web/ComplaintFormRole/DefaultPolicy/Resource']);
  }, 60_000);
});
