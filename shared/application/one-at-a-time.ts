/**
 * Runs work for one key one after another, in the order asked, within this process; other keys run alongside.
 * Where every caller races for one item (an organisation's next reference), racing in one process only wastes
 * store round trips: queued, they are left to race only with other processes, where a lost race is retried.
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(work);
    // The next in line waits for this one to settle either way; a failure is its caller's, not the queue's.
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }
}
