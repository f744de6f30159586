import type { Context } from 'aws-lambda';

/** What Lambda hands a handler about its invocation, for tests that call handlers directly. */
export function lambdaContext(name = 'redress-test'): Context {
  const unsupported = () => {
    throw new Error('not used by Redress handlers');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:123456789012:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: `test-${name}`,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 60_000,
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
