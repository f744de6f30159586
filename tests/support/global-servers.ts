/**
 * Starts Amazon's DynamoDB Local (in memory) once for the whole test run, on loopback: a Java process that must
 * be told its port, so it gets a free one, and another if something took it first. Each test file makes tables
 * of its own in it, and starts its own SES emulator (on a port it picks itself), so no file sees another's data.
 * Bundles the CLI once, for the tests that run it as a person would.
 *
 * Vitest runs a global setup once per project; the adapters and the journeys projects both name this one, and
 * share one DynamoDB Local through the main process's global state (a second Java process would cost a core's
 * worth of start-up on a 2-core machine). The last project to finish stops it.
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

interface SharedServers {
  readonly ready: Promise<RunningServer>;
  users: number;
}

const SHARED = Symbol.for('redress.tests.global-servers');
const shared = globalThis as typeof globalThis & { [SHARED]?: SharedServers };

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

async function startServers(): Promise<RunningServer> {
  const [dynamodb] = await Promise.all([dynamoDbLocalOnSomePort(), buildCliBundle()]);
  return dynamodb;
}

export async function setup(project: TestProject): Promise<void> {
  const servers = (shared[SHARED] ??= { ready: startServers(), users: 0 });
  servers.users++;
  const dynamodb = await servers.ready;
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('cliBundle', CLI_BUNDLE);
}

export async function teardown(): Promise<void> {
  const servers = shared[SHARED];
  if (!servers || --servers.users > 0) return;
  shared[SHARED] = undefined;
  await (await servers.ready).stop();
}
