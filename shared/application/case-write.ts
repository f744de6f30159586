import type { CaseChange } from '#domain/case/case-change';
import type { Case } from '#domain/case/case';
import { letterItem, timersItem, type OutboxItem } from '#domain/outbox/outbox-item';
import { reportRecordOf, reportYears } from '#domain/reporting/report-record';
import { pendingActions } from '#domain/case/pending-actions';
import { pageKey } from './complainant/page-token.js';
import type { CaseWrite, Claim } from './ports/cases.js';
import { restrictionIndex } from './restriction-index.js';

function pendingDeadlines(c: Case | undefined): string {
  return (c?.deadlines ?? [])
    .filter((d) => d.status === 'pending')
    .map((d) => `${d.stage}/${d.kind}/${d.dueAt}`)
    .sort()
    .join('|');
}

/**
 * Turns a decided change into the one atomic write that saves it: the case at its next version, its events,
 * thread keys and the key of a newly issued complainant page, its anonymous report record when it changed, its letters as outbox items, a timer intent whenever its pending deadlines differ from
 * before (the outbox sender makes the timers match), and the once-only claims it depends on.
 */
export function caseWrite(before: Case | undefined, change: CaseChange, at: string, claims: readonly Claim[] = []): CaseWrite {
  const version = (before?.version ?? 0) + 1;
  const deadlinesVersion = before ? before.deadlinesVersion + (change.deadlinesChanged ? 1 : 0) : change.case.deadlinesVersion;
  const saved: Case = { ...change.case, version, deadlinesVersion };
  const outbox: OutboxItem[] = change.letters.map(letterItem);
  if (pendingDeadlines(before) !== pendingDeadlines(saved) || deadlinesVersion !== before?.deadlinesVersion) {
    outbox.push(timersItem(saved.reference, version));
  }
  const page = saved.page && saved.page.token !== before?.page?.token ? [pageKey(saved.page.token)] : [];
  const record = reportRecordOf(saved);
  // A change the report does not count (a note, a view, a delivery noted) leaves the record as it was, already
  // stored under each of its years: it is not written again.
  const recordUnchanged = before !== undefined && JSON.stringify(reportRecordOf(before)) === JSON.stringify(record);
  const pending = pendingActions(saved);
  const stillPending = new Set(pending.map((a) => `${a.n}#${a.due}`));
  const earlier = before ? pendingActions(before) : [];
  const settled = earlier.filter((a) => !stillPending.has(`${a.n}#${a.due}`));
  const known = new Set(earlier.map((a) => `${a.n}#${a.due}`));
  const restrictions = restrictionIndex(before, saved);
  return { case: saved, expectedVersion: before?.version ?? 0, events: change.events, threadKeys: change.threadKeys, pageKeys: page, outbox, claims, at, actions: { pending: pending.filter((a) => !known.has(`${a.n}#${a.due}`)), settled }, report: { record, years: recordUnchanged ? [] : reportYears(record) }, ...(restrictions ? { restrictions } : {}) };
}
