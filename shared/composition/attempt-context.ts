import type { Context } from 'aws-lambda';

/**
 * Outside Lambda there is no invocation deadline, but idempotency needs one: it is how long an attempt's
 * in-progress mark holds before a retry may take over from a worker that died. This gives a fixed budget.
 */
export function attemptContext(budgetMs: number): Context {
  const started = Date.now();
  const unsupported = () => {
    throw new Error('not a Lambda invocation');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'redress-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:redress-local',
    memoryLimitInMB: '0',
    awsRequestId: `local-${started}`,
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, budgetMs - (Date.now() - started)),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
