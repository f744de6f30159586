import { ConcurrentChangeError, type CaseStore } from '#application/ports/case-store';
import type { Case, TimelineEvent } from '#domain/case/case';

export interface CaseChange {
  readonly changed: Case;
  readonly events: readonly TimelineEvent[];
  readonly threadIds?: readonly string[];
}

export class CaseNotFoundError extends Error {
  constructor(readonly reference: string) {
    super(`no case ${reference}`);
    this.name = 'CaseNotFoundError';
  }
}

export async function mustGetCase(store: Pick<CaseStore, 'getCase'>, reference: string): Promise<Case> {
  const c = await store.getCase(reference);
  if (!c) throw new CaseNotFoundError(reference);
  return c;
}

/**
 * Applies a change to a case with optimistic locking: the write is conditional on the version read, and a
 * conflict means someone else changed it first, so the change is re-applied to a fresh read. Returns the saved case.
 */
export async function updateCase(
  store: Pick<CaseStore, 'getCase' | 'saveCase'>,
  reference: string,
  change: (current: Case) => CaseChange,
  known?: Case,
): Promise<Case> {
  for (let attempt = 1; ; attempt++) {
    // The caller's copy saves a read on the first attempt; a conflict means it was stale, so re-read.
    const current = attempt === 1 && known ? known : await mustGetCase(store, reference);
    const { changed, events, threadIds } = change(current);
    const saved = { ...changed, version: current.version + 1 };
    try {
      await store.saveCase(saved, current.version, events, threadIds ?? []);
      return saved;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= 5) throw error;
    }
  }
}
