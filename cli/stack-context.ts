import { systemClock } from '#adapters/clock/system-clock';
import { MovableClock } from '#adapters/memory/movable-clock';
import { composeLocalStack, type LocalStack } from '#composition/local-stack';
import { powertoolsLog } from '#composition/powertools-log';
import { loadConfig } from '#config/config';

/** What the CLI's case and intake verbs work on: the local stack started by `npm start`. */
export type StackContext = LocalStack;

/** A refused connection to the local stack means it is not running: say what to do. */
export class StackUnavailableError extends Error {
  constructor(endpoint: string | undefined) {
    super(`cannot reach the local stack at ${endpoint ?? 'AWS'}: start the local stack with \`npm start\` in another terminal`);
    this.name = 'StackUnavailableError';
  }
}

/**
 * Runs a verb against the stack. With `sendLetters`, on the local stack the letters and timer changes the verb
 * wrote go out before it returns (the running `npm start` would send them too; the outbox lease makes that
 * safe).
 */
export async function withStack<T>(work: (ctx: StackContext) => Promise<T>, options: { now?: Date; sendLetters?: boolean } = {}): Promise<T> {
  const ctx = composeLocalStack(loadConfig(), { log: powertoolsLog('redress-cli', 'WARN'), clock: options.now ? new MovableClock(options.now) : systemClock });
  try {
    const result = await work(ctx);
    // On AWS the outbox sender function (the table's stream) sends them; the CLI only writes.
    if (options.sendLetters && ctx.config.REDRESS_STACK === 'local') await ctx.useCases.sendDueLetters();
    return result;
  } catch (error) {
    const code = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException | undefined)?.code) : undefined;
    if (code === 'ECONNREFUSED') throw new StackUnavailableError(ctx.config.REDRESS_DYNAMODB_ENDPOINT);
    throw error;
  } finally {
    ctx.table.client.destroy();
  }
}
