import { DateTime } from 'luxon';
import { complainantPageApp } from '#adapters/http/complainant-page-app';
import { MemoryRateLimiter } from '#adapters/memory/memory-rate-limiter';
import type { MemoryStack } from './memory-stack.js';

/** The complainant's own page over a memory stack's use cases, its clock fixed at `now`, as one visitor (192.0.2.1). */
export function complainantPageOver(stack: MemoryStack, now: string) {
  return complainantPageApp({
    view: (t) => stack.useCases.complainant.view(t),
    addInformation: (r) => stack.useCases.complainant.addInformation(r),
    askForReview: (r) => stack.useCases.complainant.askForReview({ ...r, at: DateTime.fromJSDate(r.at) }),
    sendFeedback: (r) => stack.useCases.complainant.sendFeedback({ ...r, at: DateTime.fromJSDate(r.at) }),
    viewAddressConfirmation: (link) => stack.useCases.complainant.viewAddressConfirmation(link),
    confirmAddress: (link) => stack.useCases.complainant.confirmAddress(link),
    maxBodyBytes: 1_000_000,
    maxAttachmentBytes: 1_000_000,
    now: () => new Date(now),
    rateLimiter: new MemoryRateLimiter(),
    guesses: { limit: 10, windowSeconds: 3600 },
    log: stack.log,
  }, () => '192.0.2.1');
}
