import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoTable } from '#adapters/dynamodb/dynamo-table';
import type { Config } from '#config/config';

/** Local emulators accept any credentials; on AWS the SDK's default chain (the function's role) is used. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export function dynamoDbClient(config: Config): DynamoDBClient {
  return new DynamoDBClient({
    region: config.AWS_REGION,
    ...(config.REDRESS_DYNAMODB_ENDPOINT ? { endpoint: config.REDRESS_DYNAMODB_ENDPOINT, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function casesTable(config: Config, client: DynamoDBClient = dynamoDbClient(config)): DynamoTable {
  return new DynamoTable(client, config.REDRESS_TABLE);
}

export function sesClient(config: Config): SESv2Client {
  return new SESv2Client({
    region: config.AWS_REGION,
    ...(config.REDRESS_SES_ENDPOINT ? { endpoint: config.REDRESS_SES_ENDPOINT, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function s3Client(config: Config): S3Client {
  return new S3Client({ region: config.AWS_REGION });
}

export function schedulerClient(config: Config): SchedulerClient {
  return new SchedulerClient({ region: config.AWS_REGION });
}
