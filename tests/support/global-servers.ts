/**
 * Starts the real local servers once for the whole test run: Amazon's DynamoDB Local (in memory) and the
 * aws-ses-v2-local emulator, each on a free loopback port. Tests get their endpoints through inject().
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type RunningServer } from '#local/dynamodb-local';
import { startSesEmulator } from '#local/ses-emulator';
import { freePort } from '#local/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}

let servers: RunningServer[] = [];

export async function setup(project: TestProject): Promise<void> {
  const [dynamodb, ses] = await Promise.all([startDynamoDbLocal(await freePort()), startSesEmulator(await freePort())]);
  servers = [dynamodb, ses];
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}
