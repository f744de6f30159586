import type { LetterTemplate } from './render-template.js';

/*
 * Redress's wording for the two letters about a service request (LGSCO 1.2, 1.7; Housing Ombudsman 1.3): what
 * happens next, and that the person can still complain, and how, at any time (while the request is open too).
 * The names inside {{ }} are the facts of ./service-request-letters.ts.
 */

const HOW_TO_COMPLAIN = `To make a complaint, {{#byEmail}}reply to this email and tell us you want to make a complaint{{/byEmail}}{{#byPost}}{{writeToUs}}, and tell us you want to make a complaint{{/byPost}}{{#complaintsAddress}}, or email {{complaintsAddress}}{{/complaintsAddress}}{{#formUrl}}, or use our complaint form at {{formUrl}}{{/formUrl}}. Please quote your reference, {{reference}}.
{{#countsFromFirstContact}}

If you complain about this, we will count the time we take to answer your complaint from {{firstContact}}, when you first contacted us about it.
{{/countsFromFirstContact}}`;

const PAGE = `{{#pageUrl}}

You can see where your request has got to, read our letters and send us more information on its own page: {{pageUrl}}
{{/pageUrl}}
{{#pageOnRequest}}

Your request also has its own web page, where you can see where it has got to and read our letters. If you would like to use it, ask us for its address.
{{/pageOnRequest}}`;

const SIGN_OFF = `

Yours sincerely,
{{org}}`;

export const SERVICE_REQUEST_TEMPLATES: { readonly 'service-request': LetterTemplate; readonly 'service-request-done': LetterTemplate } = {
  'service-request': {
    subject: '[{{reference}}] We have recorded your request',
    body: `{{greeting}}

Thank you for contacting {{orgInText}}. We have recorded what you asked us to do as a service request, under reference {{reference}}. Please quote this reference if you contact us about it.

## What you asked us to do

{{asked}}

## What happens next

{{handlerSentence}}{{#targetDate}} We aim to have dealt with it by {{targetDate}}.{{/targetDate}} We will write to you when it is done.

## You can still make a complaint

A service request is not a complaint. If you are unhappy with how we deal with your request, or with anything else we have done, you can make a complaint at any time, including now, while we deal with your request.

${HOW_TO_COMPLAIN}
${PAGE}
${SIGN_OFF}`,
  },

  'service-request-done': {
    subject: '[{{reference}}] We have dealt with your request',
    body: `{{greeting}}

We have finished dealing with your service request (reference {{reference}}).

## What you asked us to do

{{asked}}

## What we did

{{done}}

{{#complained}}
## Your complaint

Your complaint about this carries on under the same reference. We will send you our response as we said.
{{/complained}}
{{^complained}}
## If you are not happy with what we did

You can make a complaint. ${HOW_TO_COMPLAIN}
{{/complained}}
${PAGE}
${SIGN_OFF}`,
  },
};
