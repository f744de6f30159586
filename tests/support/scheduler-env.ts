/** What the CDK stack gives the functions about EventBridge Scheduler, for tests that run them as on AWS. */
export const SCHEDULER_ENV = {
  REDRESS_SCHEDULE_GROUP: 'redress-timers',
  REDRESS_SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/redress-scheduler',
  REDRESS_DEADLINE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-2:123456789012:function:redress-deadline-timer',
  REDRESS_TIMER_DLQ_ARN: 'arn:aws:sqs:eu-west-2:123456789012:redress-timer-failures',
} as const;
