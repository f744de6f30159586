import { Stack, Validations, type App, type CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Every synth is checked against cdk-nag's AWS Solutions rules; a finding fails it unless acknowledged with a reason. */
export function checkAwsSolutions(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one AWS Solutions finding on a construct (and what it contains), with why it cannot apply. `rule`
 * is the rule and, for rules with several findings, the finding: "IAM5[Resource::*]". Kept beside what it excuses.
 */
export function acknowledge(construct: IConstruct, rule: string, reason: string): void {
  Validations.of(construct).acknowledge({ id: `AwsSolutions-${rule}`, reason });
}

/** How cdk-nag names a resource's ARN in a finding: "<LogicalId.Arn>". */
export function arnInFinding(construct: IConstruct): string {
  return `<${Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement)}.Arn>`;
}
