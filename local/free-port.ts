import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const EPHEMERAL_RANGE = '/proc/sys/net/ipv4/ip_local_port_range';

/**
 * Where the ports handed out here are drawn from: the 12,000 below the system's ephemeral range (Linux's is
 * 32768-60999, so 20768-32767). A port from that range (what listening on port 0 gives) can be taken by any outgoing
 * connection in the moment before the server it was handed to binds it: a clean-clone test run saw `npm start` die
 * with EADDRINUSE on such a port, with chromium and a dozen local servers connecting beside it.
 */
function rangeBelowEphemeral(): { low: number; high: number } {
  const ephemeralLow = existsSync(EPHEMERAL_RANGE) ? Number(readFileSync(EPHEMERAL_RANGE, 'utf8').trim().split(/\s+/)[0]) : 32768;
  const high = Number.isInteger(ephemeralLow) && ephemeralLow > 13024 ? ephemeralLow - 1 : 32767;
  return { low: high - 11_999, high };
}

/** Read once: the system's range does not change while a run lasts. */
let range: { low: number; high: number } | undefined;

function listensOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback port nothing listens on right now, outside the range the system gives outgoing connections. */
export async function freePort(): Promise<number> {
  const { low, high } = (range ??= rangeBelowEphemeral());
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await listensOn(port)) return port;
  }
  throw new Error(`no free loopback port found in ${low}-${high} after 50 tries: stop what is listening there`);
}
