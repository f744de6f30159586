import { freePort } from '#local/free-port';

/**
 * Starts something on ports picked free a moment before; another test file may take one in between (the port is
 * only free when asked), so a start that finds its port taken is tried again on new ports, a few times.
 */
export async function onFreePorts<T>(count: number, start: (ports: number[]) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    try {
      return await start(ports);
    } catch (error) {
      if (attempt >= attempts || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}
