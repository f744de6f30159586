import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '#application/ports/log';

/** The domain's Log on Powertools' structured JSON logger (CloudWatch on AWS, standard output locally). */
export function powertoolsLog(serviceName: string, logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' = 'INFO'): Log & { logger: Logger } {
  const logger = new Logger({ serviceName, logLevel });
  return {
    logger,
    info: (message, extra) => (extra ? logger.info(message, extra) : logger.info(message)),
    warn: (message, extra) => (extra ? logger.warn(message, extra) : logger.warn(message)),
    error: (message, extra) => (extra ? logger.error(message, extra) : logger.error(message)),
  };
}
