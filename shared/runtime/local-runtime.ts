import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCaseStore } from '../adapters/dynamodb/dynamodb-case-store.js';
import { DynamoDbTimers } from '../adapters/dynamodb/dynamodb-timers.js';
import { FileRawMailStore } from '../adapters/raw-mail/file-raw-mail-store.js';
import { SesMailer } from '../adapters/ses/ses-mailer.js';
import type { Config } from '../config/config.js';
import { loadPolicyDirectory } from '../policy/load-policies.js';
import type { PolicySet } from '../policy/policy-set.js';
import type { Log } from '../ports/logger.js';
import { dynamoDbClient, sesClient } from './aws-clients.js';
import { createIntakeService, type IntakeService } from './intake-service.js';

export interface LocalRuntime {
  readonly config: Config;
  readonly policies: PolicySet;
  readonly dynamodb: DynamoDBClient;
  readonly store: DynamoDbCaseStore;
  readonly rawMail: FileRawMailStore;
  readonly timers: DynamoDbTimers;
  readonly intake: IntakeService;
}

/**
 * The pipeline's adapters for the local stack (npm start, the CLI, tests, benchmarks): DynamoDB Local, raw
 * mail on disk, the SES emulator, timers in the store.
 */
export function localRuntime(config: Config, options: { log: Log; policies?: PolicySet; now?: () => Date }): LocalRuntime {
  const policies = options.policies ?? loadPolicyDirectory(config.REDRESS_POLICIES_DIR);
  const dynamodb = dynamoDbClient(config);
  const rawMail = new FileRawMailStore(join(config.REDRESS_DATA_DIR, 'mail'));
  const timers = new DynamoDbTimers(dynamodb, config.REDRESS_TABLE);
  const intake = createIntakeService({
    config,
    policies,
    dynamodb,
    rawMail,
    mailer: new SesMailer(sesClient(config)),
    timers,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  return { config, policies, dynamodb, store: new DynamoDbCaseStore(dynamodb, config.REDRESS_TABLE), rawMail, timers, intake };
}
