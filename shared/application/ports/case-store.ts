import type { Case, TimelineEvent } from '#domain/case/case';
import type { HeldMessage } from '#domain/mail/held-message';

/** Where cases, their timelines and intake records live. One adapter: DynamoDB (AWS, or DynamoDB Local). */
export interface CaseStore {
  /** The next reference number for an organisation and year; never the same number twice. */
  allocateReference(prefix: string, year: number): Promise<string>;
  /**
   * Creates a case with its first timeline events and the message ids that thread into it. `inboundKey`
   * (a digest of the raw message and the policy) makes creation once-only: a second attempt throws
   * CaseAlreadyExistsError naming the case the first attempt made.
   */
  createCase(c: Case, events: readonly TimelineEvent[], threadIds: readonly string[], inboundKey: string): Promise<void>;
  /** The case an inbound message already created, if any. */
  caseForInbound(inboundKey: string): Promise<string | undefined>;
  getCase(reference: string): Promise<Case | undefined>;
  /** Saves a changed case (its version one more than `expectedVersion`) with the events that explain the change. */
  saveCase(c: Case, expectedVersion: number, events: readonly TimelineEvent[], threadIds?: readonly string[]): Promise<void>;
  timeline(reference: string): Promise<TimelineEvent[]>;
  /** Overwrites timeline events in place (same ids and times): how personal data leaves the timeline. */
  rewriteTimeline(reference: string, events: readonly TimelineEvent[]): Promise<void>;
  /** The case one of these Message-IDs belongs to (ours, or an earlier message of the case). */
  caseForThread(messageIds: readonly string[]): Promise<string | undefined>;
  /** Cases of one policy from one complainant address, newest first. */
  casesForComplainant(policyId: string, email: string): Promise<Case[]>;
  /** A policy's cases that are not closed, soonest next deadline first (the digest's query). */
  openCases(policyId: string): Promise<Case[]>;
  /** Cases of one policy, newest first. */
  listCases(policyId: string): Promise<Case[]>;
  /**
   * Claims the one acknowledgement a sender may get from an organisation on a day. True for the first
   * claim, and again for the same case (so a retried intake can still send it); false otherwise.
   */
  claimAcknowledgement(policyId: string, sender: string, londonDate: string, reference: string): Promise<boolean>;
  holdMessage(held: HeldMessage): Promise<void>;
  /** Counts a web submission refused as spam (honeypot or timer), per organisation and London day. */
  countSpam(policyId: string, londonDate: string): Promise<void>;
  spamCount(policyId: string, londonDate: string): Promise<number>;
  /** Held messages for a policy, or for "operator" (unknown recipients), newest first. */
  heldMessages(scope: string): Promise<HeldMessage[]>;
}

/** Another writer changed the case first: read it again and re-apply the change. */
export class ConcurrentChangeError extends Error {
  constructor(readonly reference: string) {
    super(`case ${reference} was changed by someone else; read it again and retry`);
    this.name = 'ConcurrentChangeError';
  }
}

export class CaseAlreadyExistsError extends Error {
  constructor(readonly reference: string) {
    super(`this message already opened case ${reference}`);
    this.name = 'CaseAlreadyExistsError';
  }
}
