import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { RedressStack } from '../../infra/redress-stack.js';
import { seedPolicies } from '../support/policies.js';

describe('RedressStack', () => {
  it('synthesises with the deployed policies named in its outputs', () => {
    const stack = new RedressStack(new App(), 'Test', { policies: seedPolicies });
    const template = Template.fromStack(stack);
    template.hasOutput('Policies', { Value: 'alumot,connect-north-yorkshire,connected-together,county-council,not-alone-mentoring' });
    expect(Object.keys(template.toJSON().Outputs ?? {})).toContain('Policies');
  });
});
