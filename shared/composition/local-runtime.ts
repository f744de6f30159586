import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCaseStore } from '#adapters/dynamodb/dynamodb-case-store';
import { DynamoDbTimers } from '#adapters/dynamodb/dynamodb-timers';
import { FileRawMailStore } from '#adapters/file/file-raw-mail-store';
import { SesMailer } from '#adapters/ses/ses-mailer';
import type { Config } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import type { PolicySet } from '#domain/policy/policy-set';
import type { Log } from '#application/ports/logger';
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
