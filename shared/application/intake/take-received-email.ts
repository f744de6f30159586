import type { MailReceipts } from '../ports/mail-receipts.js';
import type { InboundEmail, IntakeOutcome } from './inbound-email.js';
import { ownsRawMail } from './owns-raw-mail.js';
import { takeEmail, type TakeEmailDeps } from './take-email.js';

/**
 * Takes in a message whose receipt was noted (before it was stored locally; on AWS first thing in the intake,
 * after SES stored it), then settles the receipt: gone when intake kept the message, marked a copy when the same
 * message was kept before under another raw key, so that the sweep destroys it. A crash or a failure before this
 * returns leaves the receipt for the sweep.
 */
export async function takeReceivedEmail(deps: TakeEmailDeps & { readonly receipts: MailReceipts }, inbound: InboundEmail): Promise<IntakeOutcome[]> {
  const outcomes = await takeEmail(deps, inbound);
  if (await ownsRawMail(deps, outcomes, inbound.rawKey)) await deps.receipts.settled(inbound.rawKey);
  else await deps.receipts.copy(inbound.rawKey);
  return outcomes;
}
