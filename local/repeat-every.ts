/**
 * Runs `work` every `intervalMs`, never two at once; `nudge()` runs it as soon as the current run ends. A run
 * that fails is reported and the next one goes ahead: one bad run never stops the loop.
 */
export function repeatEvery(intervalMs: number, work: () => Promise<void>, onError: (error: Error) => void): { nudge(): void; stop(): void } {
  let running = false;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    work()
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  return {
    nudge: run,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
