import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { coldStart } from './cold-start.js';

/** What an event function composes once per container: at least its logger, and its metrics if it counts anything. */
export interface ComposedEventPart {
  readonly log: { readonly logger: Logger };
  readonly metrics?: PowertoolsMetrics;
}

/**
 * An event function (a schedule, a timer, a stream, SES or EventBridge) as a Lambda handler, the twin of
 * `webFunction`: composed on the first invocation (a failed composition is tried again on the next), each
 * invocation's context on its logs, its metrics published after it. `run` parses the event and calls the use case;
 * what it throws goes back to the service, which retries and then dead-letters the event.
 */
export function eventFunction<C extends ComposedEventPart, R>(compose: () => C | Promise<C>, run: (composed: C, event: unknown) => Promise<R>): (event: unknown, context: Context) => Promise<R> {
  const composed = coldStart(async () => compose());
  return async (event, context) => {
    const part = await composed();
    part.log.logger.addContext(context);
    return part.metrics ? part.metrics.publishedAfter(() => run(part, event)) : run(part, event);
  };
}
