import { join } from 'node:path';
import { DynamoDbTimers } from '../shared/adapters/dynamodb/dynamodb-timers.js';
import { DynamoDbCaseStore } from '../shared/adapters/dynamodb/dynamodb-case-store.js';
import { FileRawMailStore } from '../shared/adapters/raw-mail/file-raw-mail-store.js';
import { SesMailer } from '../shared/adapters/ses/ses-mailer.js';
import { loadConfig, type Config } from '../shared/config/config.js';
import { loadPolicyDirectory } from '../shared/policy/load-policies.js';
import type { PolicySet } from '../shared/policy/policy-set.js';
import { dynamoDbClient, sesClient } from '../shared/runtime/aws-clients.js';
import { powertoolsLog } from '../shared/runtime/powertools-log.js';
import { createIntakeService, type IntakeService } from '../shared/runtime/intake-service.js';

/** What the CLI's case and intake verbs work on: the local stack started by `npm start` (or AWS with REDRESS_STACK=aws). */
export interface StackContext {
  readonly config: Config;
  readonly policies: PolicySet;
  readonly store: DynamoDbCaseStore;
  readonly rawMail: FileRawMailStore;
  readonly intake: IntakeService;
  /** The local stack's timers (on AWS, EventBridge Scheduler holds them and `timers list` reads it). */
  readonly timers: DynamoDbTimers;
}

export function stackContext(options: { now?: Date } = {}): StackContext {
  const config = loadConfig();
  const policies = loadPolicyDirectory(config.REDRESS_POLICIES_DIR);
  const dynamodb = dynamoDbClient(config);
  const rawMail = new FileRawMailStore(join(config.REDRESS_DATA_DIR, 'mail'));
  const log = powertoolsLog('redress-cli', 'WARN');
  return {
    config,
    policies,
    store: new DynamoDbCaseStore(dynamodb, config.REDRESS_TABLE),
    rawMail,
    intake: createIntakeService({
      config,
      policies,
      dynamodb,
      rawMail,
      mailer: new SesMailer(sesClient(config)),
      log,
      ...(options.now ? { now: () => options.now as Date } : {}),
    }),
    timers: new DynamoDbTimers(dynamodb, config.REDRESS_TABLE),
  };
}

/** A refused connection to the local stack means it is not running: say what to do. */
export class StackUnavailableError extends Error {
  constructor(endpoint: string | undefined) {
    super(`cannot reach the local stack at ${endpoint ?? 'AWS'}: start the local stack with \`npm start\` in another terminal`);
    this.name = 'StackUnavailableError';
  }
}

export async function withStack<T>(work: (ctx: StackContext) => Promise<T>, options: { now?: Date } = {}): Promise<T> {
  const ctx = stackContext(options);
  try {
    return await work(ctx);
  } catch (error) {
    const code = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException | undefined)?.code) : undefined;
    if (code === 'ECONNREFUSED') throw new StackUnavailableError(ctx.config.REDRESS_DYNAMODB_ENDPOINT);
    throw error;
  }
}
