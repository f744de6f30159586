/**
 * Starts Amazon's DynamoDB Local (in memory) once for the whole test run, on loopback: a Java process that must
 * be told its port, so it gets a free one, and another if something took it first. Each test file makes tables
 * of its own in it, and starts its own SES emulator (on a port it picks itself), so no file sees another's data.
 * Bundles the CLI once, for the tests that run it as a person would.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type RunningServer } from '#local/dynamodb-local';
import { freePort } from '#local/free-port';
import { buildCliBundle, CLI_BUNDLE } from './cli-bundle.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    /** The CLI bundled for this run (the tests spawn it as `redress`). */
    cliBundle: string;
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
  const [dynamodb] = await Promise.all([dynamoDbLocalOnSomePort(), buildCliBundle()]);
  servers = [dynamodb];
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('cliBundle', CLI_BUNDLE);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}
