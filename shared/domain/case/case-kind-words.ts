import type { CaseKind } from './service-request.js';

/** How staff's pages, the timeline and notices name what a case is, so that a service request never reads as a complaint. */
export interface CaseKindWords {
  /** In a sentence: "complaint", "service request". */
  readonly noun: string;
  /** At the start of a line or heading: "Complaint", "Service request". */
  readonly Noun: string;
  /** The case page's heading over what they said, and the record form's group for it. */
  readonly heading: string;
  /** The record form's labels. */
  readonly channelLabel: string;
  readonly wordsLabel: string;
  /** The staff notice's heading over who made it. */
  readonly person: string;
}

/** One entry per kind: the type asks for both, so a new kind cannot fall back to a complaint's words. */
export const CASE_KIND_TEXT: Record<CaseKind, CaseKindWords> = {
  complaint: {
    noun: 'complaint',
    Noun: 'Complaint',
    heading: 'The complaint',
    channelLabel: 'How the complaint was made',
    wordsLabel: 'The complaint, in their words as far as you can',
    person: 'Complainant',
  },
  'service-request': {
    noun: 'service request',
    Noun: 'Service request',
    heading: 'The request',
    channelLabel: 'How the request was made',
    wordsLabel: 'What they asked us to do, in their words as far as you can',
    person: 'The person',
  },
};
