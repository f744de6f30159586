import type { LetterKind } from '#domain/policy/policy-schema';
import type { LetterTemplate } from './render-template.js';
import { SERVICE_REQUEST_TEMPLATES } from './service-request-templates.js';

/*
 * Redress's own wording for each letter a complainant gets, in plain English (the GOV.UK style guide): short
 * sentences, "we" and "you", dates in words, what happens next and where else to go. An organisation may
 * replace any of them in its policy file (`letters:`); whatever the wording, the letter is checked for what it
 * must say before it is sent. The names inside {{ }} are the facts listed in ./letter-view.ts.
 */

// Its own paragraph whatever comes before it (an empty page section leaves no blank line; blank lines collapse).
const SIGN_OFF = `

Yours sincerely,
{{org}}`;

const PAGE = `{{#pageUrl}}

You can see where your complaint has got to, read our letters and send us more information at any time on your complaint's own page: {{pageUrl}}
{{/pageUrl}}
{{#pageOnRequest}}

Your complaint also has its own web page, where you can see where it has got to and read our letters. If you would like to use it, ask us for its address.
{{/pageOnRequest}}`;

/** For a letter that closes the case: the page still shows where things stand and the letters, until the records go. */
const PAGE_CLOSED = `{{#pageUrl}}

You can read our letters about your complaint on its own page: {{pageUrl}}
{{/pageUrl}}`;

/**
 * How a letter asks to be answered: by replying to the email, or (on paper) by writing to the organisation's
 * address or calling it. `writeToUs` and `writeOnly` are set for a posted letter (./post-letter.ts).
 */
const ADD_ANYTHING = `{{#byEmail}}You can reply to this email to add anything or ask a question: your reply is kept with your complaint.{{/byEmail}}{{#byPost}}To add anything or ask a question, {{writeToUs}}.{{/byPost}}`;

const INFORMATION = `## How we use your information

{{dataProtection}}`;

/** One outside body: its name and what it does, every way to reach it, anything else to know, and how long there is. */
const BODY = `{{#hasContact}}

{{#contactLines}}
- {{line}}
{{/contactLines}}
{{/hasContact}}
{{#note}}

{{note}}
{{/note}}
{{#limit}}

{{limit}}
{{/limit}}`;

const WHERE_ELSE = `{{#hasOutsideBodies}}

## Where else you can go

{{#outsideBodies}}
{{name}}: {{role}}.
${BODY}

{{/outsideBodies}}
{{/hasOutsideBodies}}`;

const DECISION = `{{decisionSentence}}
{{#inPart}}

## What we upheld

{{upheld}}

## What we did not uphold

{{notUpheld}}
{{/inPart}}

## Why we reached this decision

{{summary}}
{{#apology}}

We are sorry for what went wrong.
{{/apology}}
{{#hasRemedies}}

## What we are doing to put things right

{{#remedies}}
- {{text}}
{{/remedies}}
{{/hasRemedies}}
{{#hasActions}}

## What we will do, and by when

{{#actions}}
- {{text}}: by {{due}}
{{/actions}}
{{/hasActions}}`;

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  acknowledgement: {
    subject:
      '[{{reference}}] {{#replyDateSet}}When to expect our response to your complaint{{/replyDateSet}}{{^replyDateSet}}{{#signedNow}}We have received your signed complaint{{/signedNow}}{{^signedNow}}We have received your complaint{{/signedNow}}{{/replyDateSet}}',
    body: `{{greeting}}

{{#replyDateSet}}
We said we would let you know when to expect our full response to your complaint (reference {{reference}}). ${ADD_ANYTHING}
{{/replyDateSet}}
{{^replyDateSet}}
Thank you for {{#confirmedNow}}confirming your email address, and for {{/confirmedNow}}your {{#signedNow}}signed {{/signedNow}}complaint to {{orgInText}}. We have recorded it under reference {{reference}}. Please quote this reference if you contact us about it. ${ADD_ANYTHING}
{{/replyDateSet}}
{{#confidential}}

You marked your complaint as confidential. Only the people handling it will see what it says.
{{/confidential}}

## What happens next

{{handlerSentence}}
{{#meetBy}}

If we need to meet you to talk about your complaint, we will do so by {{meetBy}}.
{{/meetBy}}
{{#respondBy}}

We will send you our full response by {{respondBy}}.{{#respondMax}} If your complaint needs longer, we will tell you why, and you will have our response by {{respondMax}} at the latest.{{/respondMax}}
{{/respondBy}}
{{#respondAfterEvent}}

We will first contact you to make sure we understand your complaint fully. We will then aim to send you our full response within {{respondAfterEvent}} of that.
{{/respondAfterEvent}}
{{#respondUnknown}}

We will let you know when you can expect our full response.
{{/respondUnknown}}
{{#nextStageWords}}

If you are not happy with our response, you can ask for {{nextStageWords}}. Our response will tell you how.
{{/nextStageWords}}
{{#askAdjustments}}

## If you need us to do anything differently

Please tell us if you need us to do anything differently while we deal with your complaint: for example letters in large print or by post, a telephone call instead of letters, an interpreter or British Sign Language, easy read, someone to support you, or more time. {{#byEmail}}Reply to this email and we will agree it with you.{{/byEmail}}{{#byPost}}To ask, {{writeToUs}}: we will agree it with you.{{/byPost}}
{{/askAdjustments}}
${PAGE}

${INFORMATION}

${SIGN_OFF}`,
  },

  'signature-request': {
    subject: '[{{reference}}] Please sign your complaint',
    body: `{{greeting}}

Thank you for your complaint to {{orgInText}}. We have recorded it under reference {{reference}}.

## Please sign your complaint

Our complaints policy asks for a signed complaint before we can start looking into it (clause {{signatureClause}}). {{#byEmail}}Please reply to this email with one of these:{{/byEmail}}{{#byPost}}Please {{writeOnly}} with one of these, quoting your reference:{{/byPost}}

{{#byEmail}}
- your complaint, signed, then scanned or photographed
- our complaint form, filled in and signed
- your full name and today's date typed at the end of your complaint, as your signature
{{/byEmail}}
{{#byPost}}
- your complaint, written down and signed
- our complaint form, filled in and signed (ask us and we will post you one)
{{/byPost}}

{{#acknowledgeWithin}}
We will acknowledge your complaint within {{acknowledgeWithin}} of receiving it signed, and tell you when to expect our full response.
{{/acknowledgeWithin}}
${PAGE}

${INFORMATION}

${SIGN_OFF}`,
  },

  'confirm-address': {
    subject: '[{{reference}}] Please confirm your email address for your complaint to {{orgInText}}',
    body: `Hello,

This email address was given when a complaint was made to {{orgInText}} on its website. We have recorded the complaint under reference {{reference}}.

## If you made the complaint

Please confirm that this email address is yours. We will then write to you here about your complaint. Until you confirm it, we will not send anything else to this address.

{{#confirmUrl}}
To confirm, open this link and press the "Confirm my email address" button on the page it opens:
{{confirmUrl}}

Or reply to this email. Your reply must include this code: {{confirmCode}}
{{/confirmUrl}}
{{^confirmUrl}}
To confirm, reply to this email. Your reply must include this code: {{confirmCode}}
{{/confirmUrl}}

Most email programs keep our email, with the code, below your reply. If yours does not, copy the code into your reply.

## If you did not make a complaint

You do not need to do anything. Ignore this email and we will not write to you again.

{{org}}`,
  },

  holding: {
    subject: '[{{reference}}] Your complaint: our response will take longer',
    body: `{{greeting}}

We are still looking into your complaint (reference {{reference}}). We are sorry that it is taking longer than we said.

Why it is taking longer: {{reason}}

{{#agreed}}As we agreed with you, we{{/agreed}}{{^agreed}}We{{/agreed}} will now send you our full response by {{newDate}}.{{#pastMaximum}} This is later than {{date}}, the latest date our complaints policy gives for our response ({{rule}}). We are sorry that we cannot keep to it.{{/pastMaximum}}

If you have any questions in the meantime, {{#byEmail}}reply to this email{{/byEmail}}{{#byPost}}{{writeToUs}}{{/byPost}}.
{{#hasOutsideBodies}}

## If you are unhappy about the delay

{{#outsideBodies}}
{{name}}: {{role}}. {{when}}
${BODY}

{{/outsideBodies}}
{{/hasOutsideBodies}}
${PAGE}

${SIGN_OFF}`,
  },

  outcome: {
    subject: '[{{reference}}] Our decision on your complaint',
    body: `{{greeting}}

We have finished looking into your complaint (reference {{reference}}). Thank you for your patience while we did so.

${DECISION}

## If you are not satisfied

{{nextHow}}{{#askBy}} Please ask by {{askBy}}.{{/askBy}} {{#byEmail}}You can ask by replying to this email{{#pageUrl}} or on your complaint's page{{/pageUrl}}.{{/byEmail}}{{#byPost}}To ask, {{writeToUs}}.{{/byPost}}
{{#hasOutsideBodies}}

{{#outsideBodies}}
You can also go to {{name}}: {{role}}. When: {{when}}.
${BODY}

{{/outsideBodies}}
{{/hasOutsideBodies}}
${PAGE}

${SIGN_OFF}`,
  },

  'final-outcome': {
    subject: '[{{reference}}] Our final decision on your complaint',
    body: `{{greeting}}

We have finished {{reviewWords}} your complaint (reference {{reference}}).

${DECISION}

## This is our final decision

This is the final decision of {{orgInText}} on your complaint: our complaints procedure has no further stage.
${WHERE_ELSE}
${PAGE}

${SIGN_OFF}`,
  },

  'next-stage-acknowledgement': {
    subject: '[{{reference}}] We have received your request for {{stageNameLower}}',
    body: `{{greeting}}

Thank you for asking us to look at your complaint again (reference {{reference}}). Your complaint has moved to the next stage of our complaints procedure: {{stageName}}.

## What happens next

{{handlerSentence}}
{{#respondBy}}

We will send you our response by {{respondBy}}.
{{/respondBy}}
{{#respondUnknown}}

We will let you know when you can expect our response.
{{/respondUnknown}}
{{#final}}

Our decision at this stage will be final.
{{/final}}
${PAGE}

${SIGN_OFF}`,
  },

  redirect: {
    subject: '[{{reference}}] Your complaint: where to take it',
    body: `{{greeting}}

Thank you for contacting {{orgInText}} (reference {{reference}}).

We have read what you told us. It is about a matter that our complaints procedure does not cover: {{matter}}.

Where to take it instead: {{goTo}}.{{#note}} {{note}}.{{/note}}
${WHERE_ELSE}

We have closed the complaint with us. If you think we have misunderstood what your complaint is about, {{#byEmail}}reply to this email{{/byEmail}}{{#byPost}}{{writeToUs}}{{/byPost}} and tell us why.
${PAGE_CLOSED}
${SIGN_OFF}`,
  },

  withdrawal: {
    subject: '[{{reference}}] {{#confirmNeeded}}Please confirm that you want to withdraw your complaint{{/confirmNeeded}}{{^confirmNeeded}}You have withdrawn your complaint{{/confirmNeeded}}',
    body: `{{greeting}}

{{#confirmNeeded}}
You told us that you want to withdraw your complaint (reference {{reference}}). Our complaints procedure asks you to confirm this in writing.

Please {{#byEmail}}reply to this email{{/byEmail}}{{#byPost}}{{writeOnly}}{{/byPost}} to say that you want to withdraw it. Until you do, your complaint stays open and we will carry on looking into it.
{{/confirmNeeded}}
{{^confirmNeeded}}
You have withdrawn your complaint (reference {{reference}}), so we have closed it.

If you change your mind, {{#byEmail}}reply to this email{{/byEmail}}{{#byPost}}{{writeToUs}}{{/byPost}} and we can open it again.
{{/confirmNeeded}}
${PAGE_CLOSED}
${SIGN_OFF}`,
  },

  closure: {
    subject: '[{{reference}}] We have closed your complaint',
    body: `{{greeting}}

{{#noAppeal}}
We wrote to you on {{outcomeDate}} with our decision on your complaint (reference {{reference}}). You did not ask for the next stage of our complaints procedure by {{windowEnded}}, so we have now closed your complaint.
{{/noAppeal}}
{{#earlyResolution}}
Thank you for raising your concern with us (reference {{reference}}). We agreed this with you: {{summary}}

Because we sorted this out quickly, we have not recorded it as a formal complaint. If you are not happy with how it was resolved, {{#byEmail}}reply to this email{{/byEmail}}{{#byPost}}{{writeToUs}}{{/byPost}} and we will deal with it as a formal complaint.
{{/earlyResolution}}
{{#resolved}}
We have now closed your complaint (reference {{reference}}). Thank you for telling us about it: complaints help us improve what we do.
{{/resolved}}
${WHERE_ELSE}
{{#destroyOn}}

We will keep the records of your complaint until {{destroyOn}}, and then destroy them securely.
{{/destroyOn}}
${PAGE_CLOSED}
${SIGN_OFF}`,
  },

  /*
   * Staff's own words in the organisation's frame: its greeting, how to answer and its sign-off. The words are a
   * value: whatever they say, they cannot become a heading, a list or a template.
   */
  message: {
    subject: '[{{reference}}] {{messageSubject}}',
    body: `{{greeting}}

{{message}}

{{#byEmail}}You can reply to this email: your reply is kept with your complaint (our reference {{reference}}).{{/byEmail}}{{#byPost}}To reply, {{writeToUs}}. Please quote our reference, {{reference}}.{{/byPost}}
${PAGE}

${SIGN_OFF}`,
  },

  ...SERVICE_REQUEST_TEMPLATES,
};
