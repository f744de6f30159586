import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { MovableClock } from '#adapters/memory/movable-clock';
import type { IntakeOutcome } from '#application/intake/take-email';
import type { Cases } from '#application/ports/cases';
import type { Timers } from '#application/ports/timers';
import type { UseCases } from '#composition/use-cases';
import { email, emailWithAttachments } from './memory-stack.js';

/** What the retention journey needs of a stack: the memory fakes' or the local servers'. */
export interface JourneyStack {
  readonly useCases: UseCases;
  readonly cases: Cases;
  readonly timers: Timers;
  readonly clock: MovableClock;
  deliver(raw: string, options: { recipients: string[] }): Promise<IntakeOutcome[]>;
  drain(): Promise<void>;
}

const at = (iso: string) => DateTime.fromISO(iso);

export const NAME = 'Dana Secretname';
export const ADDRESS = 'dana.secret@example.net';
/** The complainant's address, name and words, each put somewhere by the journey. */
export const SECRETS = [NAME, ADDRESS, 'dana.secret', 'SUBJECT-SECRET', 'BODY-SECRET', 'ATTACHMENT-SECRET', 'secret-file', 'REPLY-SECRET', 'PAGE-SECRET', 'PAGEFILE-SECRET', 'OUTCOME-SECRET', 'LESSON-SECRET'];

/**
 * A complaint with everything that can hold its complainant: mail held first (sent to an address no policy claims)
 * and released into a case, an attachment, a reply with a Message-ID, words and a file sent on the complainant's
 * page, letters and staff notices sent, an outcome with lessons (the report record's free text), then closure.
 */
export async function caseWithEverything(stack: JourneyStack): Promise<string> {
  const first = emailWithAttachments(
    [`From: ${NAME} <${ADDRESS}>`, 'To: complaints@nowhere.example', 'Subject: SUBJECT-SECRET about my mentor', `Message-ID: <first.${ADDRESS}>`],
    'BODY-SECRET happened on the bus.',
    [['secret-file.pdf', 'application/pdf', '%PDF-1.4 ATTACHMENT-SECRET']],
  );
  const [held] = await stack.deliver(first, { recipients: ['complaints@nowhere.example'] });
  if (held?.kind !== 'held') throw new Error(JSON.stringify(held));
  await stack.drain();
  const { reference } = await stack.useCases.held.release({ id: held.heldId, at: at('2026-11-23T11:00:00Z'), actor: 'operator', policyId: 'not-alone-mentoring' });
  await stack.drain();

  const [reply] = await stack.deliver(
    email([`From: ${NAME} <${ADDRESS}>`, 'To: not.alone.mentoring@gmail.com', `Subject: Re: [${reference}] SUBJECT-SECRET`, `In-Reply-To: <first.${ADDRESS}>`, `Message-ID: <reply.${ADDRESS}>`], 'REPLY-SECRET and more'),
    { recipients: ['not.alone.mentoring@gmail.com'] },
  );
  expect(reply).toMatchObject({ kind: 'threaded', reference });
  const token = (await stack.cases.get(reference))?.page?.token as string;
  await stack.useCases.complainant.addInformation({ token, text: 'PAGE-SECRET from my page', files: [{ filename: 'page-file.txt', contentType: 'text/plain', content: Buffer.from('PAGEFILE-SECRET') }], submissionId: 's1', receivedAt: '2026-11-23T12:00:00.000Z' });

  const staff = stack.useCases.staff;
  await staff.sign({ reference, at: at('2026-11-23T12:30:00Z'), actor: 'katie' });
  await staff.outcome({ reference, decision: 'not-upheld', summary: 'OUTCOME-SECRET: the sessions ran as booked.', remedies: [], actions: [], lessons: 'LESSON-SECRET: write notes sooner', at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
  await staff.close({ category: 'other', reference, at: at('2026-12-05T12:00:00Z'), actor: 'katie' });
  await stack.drain();
  return reference;
}

/** Six years on: the case's retention timer goes off, and the outbox is worked through. */
export async function destroyAtRetention(stack: JourneyStack, reference: string): Promise<string[]> {
  stack.clock.set('2032-12-07T00:30:00Z');
  const outcomes: string[] = [];
  for (const timer of (await stack.timers.list(reference)).filter((t) => t.input.kind === 'retention')) outcomes.push(await stack.useCases.fireTimer(timer.input));
  await stack.drain();
  return outcomes;
}
