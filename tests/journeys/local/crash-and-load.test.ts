/**
 * The crash-and-load run, small enough for CI (bench/crash-and-load.ts runs it at 300): `npm start` on its own
 * ports, complaints from 8 concurrent SMTP clients, the whole stack killed with SIGKILL once 12 are answered 250,
 * the moment the SES emulator has taken a letter (before its sender can record it), started again on the same
 * data folder, what got no 250 sent again; once the outbox has drained, every
 * message answered 250 is a case, each case's acknowledgement and staff notice are in the SES emulator exactly
 * once and its acknowledgement once on its timeline, and the references run from 0001 with no gap.
 */
import { describe, expect, it } from 'vitest';
import { crashAndLoad } from '#bench/crash-and-load';

describe('the local stack killed mid-run', () => {
  it('loses nothing it answered 250 for, and sends every acknowledgement once', async () => {
    const report = await crashAndLoad({ complaints: 24, clients: 8, killAfter: 12, killOn: 'letter-taken', leaseSeconds: 5 });
    expect(report).toMatchObject({
      complaints: 24,
      accepted: 24,
      cases: 24,
      held: 0,
      lost: 0,
      duplicateCases: 0,
      referenceGaps: [],
      acknowledgements: { once: 24, missing: 0, twiceOrMore: 0 },
      staffNotices: { once: 24, missing: 0, twiceOrMore: 0 },
      timelineNotOnce: 0,
    });
    expect(report.acceptedBeforeKill).toBeGreaterThanOrEqual(12);
  }, 600_000);
});
