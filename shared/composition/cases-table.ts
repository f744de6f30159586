import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoTable } from '#adapters/dynamodb/dynamo-table';
import type { Config } from '#config/config';
import { LOCAL_CREDENTIALS } from './local-credentials.js';
import { traced } from './tracing.js';

/**
 * The SDK clients live one to a module, so that each function imports only the clients it uses: the SDK is left
 * to the Lambda runtime, and an import of a client it never calls would still be loaded on every cold start.
 */
export function dynamoDbClient(config: Config): DynamoDBClient {
  return traced(
    new DynamoDBClient({
      region: config.AWS_REGION,
      ...(config.REDRESS_DYNAMODB_ENDPOINT ? { endpoint: config.REDRESS_DYNAMODB_ENDPOINT, credentials: LOCAL_CREDENTIALS } : {}),
    }),
  );
}

export function casesTable(config: Config, client: DynamoDBClient = dynamoDbClient(config)): DynamoTable {
  return new DynamoTable(client, config.REDRESS_TABLE);
}
