import { loadConfig } from '#config/config';
import { localRuntime, type LocalRuntime } from '#composition/local-runtime';
import { powertoolsLog } from '#composition/powertools-log';

/** What the CLI's case and intake verbs work on: the local stack started by `npm start`. */
export type StackContext = LocalRuntime;

export function stackContext(options: { now?: Date } = {}): StackContext {
  const now = options.now;
  return localRuntime(loadConfig(), { log: powertoolsLog('redress-cli', 'WARN'), ...(now ? { now: () => now } : {}) });
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
  } finally {
    ctx.dynamodb.destroy();
  }
}
