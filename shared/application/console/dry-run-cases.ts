import type { DueCase } from '#domain/digest/due-case';
import type { Case, TimelineEvent } from '#domain/case/case';
import type { LetterToSend } from '#domain/outbox/outbox-item';
import type { Cases, CaseWrite } from '../ports/cases.js';

/**
 * The case store with its writes kept instead of made: an action run over it decides everything it would (its
 * checks, events, letters) and changes nothing, so a preview shows exactly the letter the action will send.
 */
export class DryRunCases implements Cases {
  private readonly writes: CaseWrite[] = [];

  constructor(private readonly inner: Cases) {}

  get(reference: string): Promise<Case | undefined> {
    return this.inner.get(reference);
  }
  timeline(reference: string): Promise<TimelineEvent[]> {
    return this.inner.timeline(reference);
  }
  byThread(threadKeys: readonly string[]): Promise<string | undefined> {
    return this.inner.byThread(threadKeys);
  }
  byPageKey(pageKey: string): Promise<string | undefined> {
    return this.inner.byPageKey(pageKey);
  }
  byName(policyId: string, namePrefix: string, limit: number): Promise<Case[]> {
    return this.inner.byName(policyId, namePrefix, limit);
  }
  ofComplainant(policyId: string, email: string): Promise<Case[]> {
    return this.inner.ofComplainant(policyId, email);
  }
  open(policyId: string): Promise<Case[]> {
    return this.inner.open(policyId);
  }
  due(policyId: string, until: string, since: string): Promise<DueCase[]> {
    return this.inner.due(policyId, until, since);
  }
  newestPage(policyId: string, limit: number, before?: string): Promise<{ cases: Case[]; next?: string }> {
    return this.inner.newestPage(policyId, limit, before);
  }
  newestFirst(policyId: string): Promise<Case[]> {
    return this.inner.newestFirst(policyId);
  }
  async write(change: CaseWrite): Promise<void> {
    this.writes.push(change);
  }
  async rewriteIndexes(): Promise<void> {
    throw new Error('a preview never rewrites an index');
  }

  async rewriteTimeline(): Promise<void> {
    throw new Error('a preview never rewrites a timeline');
  }

  async removeLookups(): Promise<number> {
    throw new Error('a preview never destroys anything');
  }

  /**
   * The letters the kept writes would have sent (to the complainant, and the notices to staff: a stage's new
   * handler, the roles a response is shared with), and what they would have put on the timeline.
   */
  decided(): { letters: LetterToSend[]; events: TimelineEvent[] } {
    return {
      letters: this.writes.flatMap((w) => w.outbox.flatMap((o) => (o.kind === 'letter' ? [o.letter] : []))),
      events: this.writes.flatMap((w) => [...w.events]),
    };
  }
}
