import * as emulatorModule from 'aws-ses-v2-local';
import type { RunningServer } from './dynamodb-local.js';

type StartEmulator = typeof emulatorModule.default;

/** The package is CommonJS with `exports.default`: Node's ESM loader nests it one level deeper than bundlers do. */
function emulatorStarter(): StartEmulator {
  const candidate: unknown = emulatorModule.default;
  if (typeof candidate === 'function') return candidate as StartEmulator;
  return (candidate as { default: StartEmulator }).default;
}

/**
 * Starts the aws-ses-v2-local emulator: SES v2 SendEmail on `port`, its viewer at /, its store at /store.
 * `onTaken` is told each time it has taken a message and answered (the crash run kills the stack right then).
 */
export async function startSesEmulator(port: number, onTaken?: () => void): Promise<RunningServer> {
  const server = await emulatorStarter()({ host: '127.0.0.1', port });
  if (onTaken) {
    server.on('request', (request, response) => {
      if (request.method === 'POST' && request.url?.startsWith('/v2/email/outbound-emails')) response.once('finish', () => response.statusCode === 200 && onTaken());
    });
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
