/**
 * freePort hands out loopback ports below the system's ephemeral range, where no outgoing connection is given one
 * between the pick and the bind (a clean-clone run lost `npm start` to EADDRINUSE on a port from that range).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '#local/free-port';

const EPHEMERAL_RANGE = '/proc/sys/net/ipv4/ip_local_port_range';

describe('freePort', () => {
  it('gives ports below the ephemeral range that a server can bind on loopback', async () => {
    const ephemeralLow = existsSync(EPHEMERAL_RANGE) ? Number(readFileSync(EPHEMERAL_RANGE, 'utf8').trim().split(/\s+/)[0]) : 32768;
    const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(1024);
      expect(port).toBeLessThan(ephemeralLow);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
