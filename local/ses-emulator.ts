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
 * Starts the aws-ses-v2-local emulator, its outbox empty: SES v2 SendEmail on `port`, its viewer at /, its store at /store.
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
  const endpoint = `http://127.0.0.1:${actualPort}`;
  // The emulator keeps its outbox in its module's state, not the server's: an emulator started after another in
  // the same process (a test worker that runs one file after another) would show the mail the last one took.
  const cleared = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  if (!cleared.ok) throw new Error(`the SES emulator on ${endpoint} did not empty its outbox (HTTP ${cleared.status})`);
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
