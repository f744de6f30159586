import type { Log } from '../ports/log.js';
import type { MailReceipts, UnclaimedMail } from '../ports/mail-receipts.js';
import type { RawMail } from '../ports/raw-mail.js';
import { ownsRawMail } from './owns-raw-mail.js';
import { takeEmail, type TakeEmailDeps } from './take-email.js';

export interface SweepUnclaimedMailDeps extends TakeEmailDeps {
  readonly receipts: MailReceipts;
  readonly rawMail: RawMail;
  readonly log: Log;
}

export interface SweepSettings {
  /** How long after its receipt a message is left to the intake that is taking it in (minutes). */
  readonly graceMinutes: number;
  /** The deployment's retention: raw mail intake still cannot take in after this long is destroyed (years). */
  readonly retentionYears: number;
  /** At most this many receipts a run. */
  readonly batch: number;
}

export interface SweepReport {
  /** Kept: a case, a reply on one, or a held message owns it (taken in now, or by an attempt that crashed after its write). */
  readonly kept: number;
  /** Destroyed: a copy of a message kept before, never stored whole, or past the deployment's retention. */
  readonly destroyed: number;
  /** Intake failed again: left for the next run (and logged as an error, which raises an alarm on AWS). */
  readonly failed: number;
}

/**
 * Raw mail that no case or held message owns, found from the receipts intake left (an index query, never a scan
 * and never a listing of the bucket), each after the grace period: a copy of a message kept before is destroyed,
 * with the files stored beside it; a message intake never finished is taken in again (so nothing accepted is lost:
 * it becomes the case, reply or held message it would have been, and a person is told as intake tells them);
 * one that was never stored whole is forgotten (its sender was never told it arrived, and sends again); one intake
 * still cannot take in is left and logged, and destroyed once the deployment's retention has passed.
 */
export async function sweepUnclaimedMail(deps: SweepUnclaimedMailDeps, settings: SweepSettings): Promise<SweepReport> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - settings.graceMinutes * 60_000).toISOString();
  const retentionEnd = new Date(now);
  retentionEnd.setUTCFullYear(retentionEnd.getUTCFullYear() - settings.retentionYears);
  const report = { kept: 0, destroyed: 0, failed: 0 };
  for (const mail of await deps.receipts.unclaimed(before, settings.batch)) {
    if (mail.copy || !(await stored(deps.rawMail, mail.rawKey))) {
      await destroy(deps, mail, mail.copy ? 'a copy of a message taken in before' : 'never stored whole');
      report.destroyed++;
      continue;
    }
    try {
      const outcomes = await takeEmail(deps, mail);
      if (await ownsRawMail(deps, outcomes, mail.rawKey)) {
        await deps.receipts.settled(mail.rawKey);
        deps.log.warn('unclaimed raw mail kept by intake at the sweep', { rawKey: mail.rawKey, receivedAt: mail.receivedAt, outcomes });
        report.kept++;
      } else {
        await destroy(deps, mail, 'a copy of a message taken in before');
        report.destroyed++;
      }
    } catch (error) {
      if (mail.receivedAt < retentionEnd.toISOString()) {
        await destroy(deps, mail, `intake could not take it in within the retention period: ${(error as Error).message}`);
        report.destroyed++;
        continue;
      }
      deps.log.error('unclaimed raw mail could not be taken in; the sweep tries again', { rawKey: mail.rawKey, receivedAt: mail.receivedAt, error: (error as Error).message });
      report.failed++;
    }
  }
  return report;
}

async function stored(rawMail: RawMail, key: string): Promise<boolean> {
  try {
    await rawMail.size(key);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return false;
    throw error;
  }
}

/** The message and every file stored beside it go, then its receipt. */
async function destroy(deps: SweepUnclaimedMailDeps, mail: UnclaimedMail, why: string): Promise<void> {
  for (const key of [mail.rawKey, ...(await deps.rawMail.keysUnder(`attachments/${mail.rawKey}/`))]) await deps.rawMail.delete(key);
  await deps.receipts.settled(mail.rawKey);
  deps.log.info('unclaimed raw mail destroyed', { rawKey: mail.rawKey, receivedAt: mail.receivedAt, why });
}
