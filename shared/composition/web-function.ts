import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { Hono } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { webApp } from '#adapters/http/web-app';
import type { PowertoolsMetrics } from '#adapters/metrics/powertools-metrics';
import { coldStart } from './cold-start.js';

/** What a web function composes once per container: its part of the web app, its logger and its metrics. */
export interface ComposedWebPart {
  readonly app: Hono;
  readonly log: { readonly logger: Logger };
  /** Published after each request; a part that counts nothing (the complainant's page) has none. */
  readonly metrics?: PowertoolsMetrics;
}

/**
 * A part of the web app as a Lambda handler behind the HTTP API: composed on the first request (a failed
 * composition is tried again on the next), each invocation's context on its logs, any metrics published after it.
 */
export function webFunction(compose: () => Promise<ComposedWebPart>): (event: LambdaEvent, context: Context) => ReturnType<ReturnType<typeof handle>> {
  const composed = coldStart(async () => {
    const { app, log, metrics } = await compose();
    return { log, metrics, serve: handle(webApp(app)) };
  });
  return async (event, context) => {
    const { log, metrics, serve } = await composed();
    log.logger.addContext(context);
    return metrics ? metrics.publishedAfter(() => serve(event, context)) : serve(event, context);
  };
}
