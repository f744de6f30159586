import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { PolicySet } from '../shared/policy/policy-set.js';

export interface RedressStackProps extends StackProps {
  /** The validated policies this deployment serves; synth fails on a bad policy, before anything deploys. */
  readonly policies: PolicySet;
}

/** The whole Redress pipeline on AWS. Resources arrive issue by issue; the policies are checked from day one. */
export class RedressStack extends Stack {
  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    Tags.of(this).add('app', 'redress');
    new CfnOutput(this, 'Policies', {
      description: 'Complaints policies deployed',
      value: props.policies.all.map((p) => p.id).join(','),
    });
  }
}
