/**
 * Starts the real local servers once for the whole test run: Amazon's DynamoDB Local (in memory) and the
 * aws-ses-v2-local emulator, on loopback. The emulator picks its own port; DynamoDB Local (a Java process that
 * must be told one) gets a free port, and another if something took it first. Tests get endpoints through inject().
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

async function dynamoDbLocalOnSomePort(): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDbLocal(await freePort());
    } catch (error) {
      // Another process took the port between our look and the server's bind: try another.
      if (attempt >= 5 || !/address already in use|BindException/i.test(String(error))) throw error;
    }
  }
}

export async function setup(project: TestProject): Promise<void> {
  const [dynamodb, ses] = await Promise.all([dynamoDbLocalOnSomePort(), startSesEmulator(0)]);
  servers = [dynamodb, ses];
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}
