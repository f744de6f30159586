/** The in-process queue that new cases of one organisation wait in for its next reference. */
import { describe, expect, it } from 'vitest';
import { OneAtATime } from '#application/one-at-a-time';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('one at a time', () => {
  it('runs the work of one key in the order asked, never two at once, while another key runs alongside', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const other = queue.run('other', async () => {
      log.push('other');
      return 'other';
    });
    const results = await Promise.all([queue.run('key', work('a')), queue.run('key', work('b')), queue.run('key', work('c')), other]);
    expect(results).toEqual(['a', 'b', 'c', 'other']);
    expect(most).toBe(1);
    expect(log.filter((l) => l !== 'other')).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(log.indexOf('other')).toBeLessThan(log.indexOf('end a'));
  });

  it('a failure is its caller’s alone: the next in line still runs', async () => {
    const queue = new OneAtATime();
    const failed = queue.run('key', async () => {
      await tick();
      throw new Error('store unreachable');
    });
    const next = queue.run('key', async () => 'next');
    await expect(failed).rejects.toThrow('store unreachable');
    await expect(next).resolves.toBe('next');
  });
});
